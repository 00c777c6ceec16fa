import { setImmediate as yieldToServer } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Store } from '../db/connection';
import type { SyncJournalRepo } from '../db/repos/sync';

const DAY = 86_400_000;
/** Rows removed per transaction: a few milliseconds of the server's thread, then the queue's requests go first. */
const BATCH = 5_000;

/**
 * The hub's journal (outbox) holds every event it applied, which terminals pull by position; without pruning it grows
 * by every ticket step and audit row for as long as the branch runs (~1 GB a year at a busy branch). Rows older than
 * `journalKeepDays` go, oldest first, in small transactions; a terminal that was off longer finds its cursor before
 * the tail and takes a full snapshot (electron/sync/replicator.ts).
 */
export class JournalPrune {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      journal: Pick<SyncJournalRepo, 'pruneOld'>;
      now: () => number;
      keepDays: () => number;
      log: Logger;
    },
  ) {}

  /** Removes what is past keeping; how many rows. */
  async run(): Promise<number> {
    const before = this.deps.now() - this.deps.keepDays() * DAY;
    let total = 0;
    for (;;) {
      const n = this.deps.store.tx(() => this.deps.journal.pruneOld(before, BATCH));
      total += n;
      if (n < BATCH) break;
      await yieldToServer();
    }
    if (total > 0) this.deps.log.info({ rows: total }, 'sync journal pruned');
    return total;
  }

  schedule(everyMs: number): void {
    if (this.timer) return;
    const tick = () => {
      this.running ??= this.run()
        .catch((e: unknown) => {
          this.deps.log.error({ err: e }, 'sync journal prune failed');
          return 0;
        })
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
