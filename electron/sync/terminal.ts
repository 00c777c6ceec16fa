import { hostname } from 'node:os';
import { ENROLL_WAIT_MS } from '@shared/sync/config';
import type { Logger } from 'pino';
import { ensureEnrolled, type Enrollment } from './enroll';
import { HubClient } from './hub-client';
import { Replicator, type ReplicatorDeps } from './replicator';

/** The part of the server settings a terminal's enrollment reads (flags or environment). */
export interface TerminalConfig {
  dataDir: string;
  hub?: string | undefined;
  enrollUser?: string | undefined;
  enrollPassword?: string | undefined;
  reenroll?: boolean | undefined;
  deviceName?: string | undefined;
}

/** `--role terminal`: enrolled at the hub (first start) before the data is opened. */
export function enrollTerminal(cfg: TerminalConfig, deviceId: string, log: Logger): Promise<Enrollment> {
  if (!cfg.hub) throw new Error('--role terminal needs --hub URL (or HUB_URL)');
  return ensureEnrolled({
    hub: cfg.hub.replace(/\/+$/, ''),
    deviceId,
    file: `${cfg.dataDir}.keys/hub.json`,
    user: cfg.enrollUser,
    password: cfg.enrollPassword,
    again: cfg.reenroll === true,
    // What the manager sees in 柜台终端: the PC's own name unless one is given (--device-name); its id means nothing.
    name: cfg.deviceName ?? (hostname().trim().slice(0, 60) || undefined),
    waitMs: ENROLL_WAIT_MS,
    log,
  });
}

/** Starts replication with the hub; the status route and the live feed report it from now on. */
export function startReplicator(deps: ReplicatorDeps, e: Enrollment): Replicator {
  const r = new Replicator(deps, new HubClient(e.hub, e.token));
  deps.sync.source = r;
  r.start();
  return r;
}
