import { setImmediate as yieldToServer } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Store } from '../db/connection';
import type { SyncJournalRepo } from '../db/repos/sync';
import { repeat, type Repeating } from './repeat';

const DAY = 86_400_000;
/** Rows removed per transaction: a few milliseconds of the server's thread, then the queue's requests go first. */
const BATCH = 5_000;

/**
 * The server's hourly upkeep: what sync keeps of the past, bounded. The hub's journal (outbox) holds every event it
 * applied, which terminals pull by position; without pruning it grows by every ticket step and audit row for as long
 * as the branch runs (~1 GB a year at a busy branch). Rows older than `journalKeepDays` go, oldest first, in small
 * transactions; a terminal that was off longer finds its cursor before the tail and takes a full snapshot
 * (electron/sync/snapshot.ts). A terminal's journal holds its own events: those the hub acknowledged go after the
 * same time. On both, the ids of applied events (the idempotency record, one row per event ever seen) go after it too.
 */
export class Upkeep {
  private timer: Repeating | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly deps: {
      store: Store;
      journal: Pick<SyncJournalRepo, 'pruneOld' | 'prunePushed' | 'pruneApplied'>;
      /** The hub prunes its journal as a prefix (terminals pull it by position); a terminal, what it pushed. */
      hub: boolean;
      now: () => number;
      keepDays: () => number;
      log: Logger;
    },
  ) {}

  /** Removes what is past keeping; how many rows. */
  async run(): Promise<number> {
    const before = this.deps.now() - this.deps.keepDays() * DAY;
    const j = this.deps.journal;
    const journal = await this.inBatches((n) =>
      this.deps.hub ? j.pruneOld(before, n) : j.prunePushed(before, n),
    );
    const applied = await this.inBatches((n) => j.pruneApplied(before, n));
    if (journal + applied > 0) this.deps.log.info({ journal, applied }, 'sync journal pruned');
    return journal + applied;
  }

  private async inBatches(prune: (limit: number) => number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = this.deps.store.tx(() => prune(BATCH));
      total += n;
      if (n < BATCH) return total;
      await yieldToServer();
    }
  }

  /** Runs every `everyMs`, the first time after `firstInMs` (0: at once; the server waits until it has answered its first requests). */
  schedule(everyMs: number, firstInMs = 0): void {
    if (this.timer) return;
    const tick = () => {
      this.running ??= this.run()
        .catch((e: unknown) => {
          this.deps.log.error({ err: e }, 'hourly upkeep failed');
          return 0;
        })
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = repeat(tick, everyMs, firstInMs);
  }

  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.running;
  }
}
