import type { Logger } from 'pino';
import type { DesktopConfig } from './role';
import type { EnrollLogin, SetupChoice, SetupValues } from './setup';

export interface StartDeps<H> {
  /** Starts the branch server for this role, enrolling with `enroll` when given. */
  start: (config: DesktopConfig, enroll: EnrollLogin | null) => Promise<H>;
  /** The role page, opened with why the start failed. */
  ask: (values: SetupValues, error: string) => Promise<SetupChoice | null>;
  /** Keeps the new choice (desktop.json). */
  save: (choice: SetupChoice) => DesktopConfig;
  log: Pick<Logger, 'warn'>;
}

export type StartOutcome<H> =
  { kind: 'started'; server: H; config: DesktopConfig } | { kind: 'quit' } | { kind: 'relaunch' };

/**
 * Starts the embedded server. A counter terminal that cannot start is nearly always one that cannot enroll: no login
 * given yet, a wrong one, a new hub address, or a hub that no longer knows it. It gets the role page again with the
 * reason (and what was typed, never the password) instead of an error box and an exit, until it starts, the page is
 * closed (quit) or another role is chosen (a launch of its own). A hub's failure is thrown as before.
 */
export async function startAsking<H>(
  config: DesktopConfig,
  enroll: EnrollLogin | null,
  d: StartDeps<H>,
): Promise<StartOutcome<H>> {
  for (;;) {
    try {
      return { kind: 'started', server: await d.start(config, enroll), config };
    } catch (err) {
      if (config.role !== 'terminal') throw err;
      d.log.warn({ err }, 'terminal did not start; asking again');
      const again = await d.ask(
        { role: config.role, hubUrl: config.hubUrl ?? '', user: enroll?.user ?? '' },
        err instanceof Error ? err.message : String(err),
      );
      if (!again) return { kind: 'quit' };
      config = d.save(again);
      if (config.role !== 'terminal') return { kind: 'relaunch' };
      enroll = again.enroll;
    }
  }
}
