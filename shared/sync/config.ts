import { z } from 'zod';

/**
 * Replication settings of a branch: how big the ticket-number blocks reserved per terminal are, how far a
 * device clock may run ahead, and how the replicator paces itself. Defaults suit a branch LAN.
 */
export const syncConfigSchema = z.object({
  /** Numbers in one block reserved for a terminal (per queue and branch day). */
  blockSize: z.number().int().min(10).max(1000),
  /** First number handed out in blocks: terminals print A300… while the hub prints A001… */
  blockBase: z.number().int().min(1).max(100_000),
  /** Reserve the next block while online when fewer numbers than this are left. */
  blockLowWater: z.number().int().min(1).max(1000),
  /** A remote clock further ahead than this does not drag the local HLC along. */
  maxDriftMs: z.number().int().min(1000).max(86_400_000),
  pushBatch: z.number().int().min(1).max(5000),
  pullBatch: z.number().int().min(1).max(5000),
  /** Pull interval while online and idle. */
  pollMs: z.number().int().min(50).max(60_000),
  /** Retry backoff while the hub is unreachable: from min, doubling, capped at max (with jitter). */
  backoffMinMs: z.number().int().min(10).max(60_000),
  backoffMaxMs: z.number().int().min(10).max(300_000),
  snapshotPage: z.number().int().min(10).max(20_000),
  /** How often a terminal refreshes its copy of customers, products, staff, settings and counters. */
  snapshotRefreshMs: z.number().int().min(1000).max(86_400_000),
  /** Outcomes, follow-ups and complaints younger than this come with the snapshot. */
  historyDays: z.number().int().min(0).max(3650),
  /**
   * After the hub was restored from a copy, a terminal sends again what it pushed from this long before the copy
   * was made: the hub's clock and the terminal's may differ, and sending an event twice changes nothing.
   */
  restoreResendMarginMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000),
  /**
   * The hub keeps its journal this many days (terminals pull from it). A terminal off longer than this finds the rows
   * after its cursor gone and takes a full snapshot instead.
   */
  journalKeepDays: z.number().int().min(7).max(3650),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export const defaultSyncConfig: SyncConfig = {
  blockSize: 100,
  blockBase: 300,
  blockLowWater: 20,
  maxDriftMs: 5 * 60_000,
  pushBatch: 1000,
  pullBatch: 2000,
  pollMs: 1000,
  backoffMinMs: 200,
  backoffMaxMs: 1000,
  snapshotPage: 5000,
  snapshotRefreshMs: 10 * 60_000,
  historyDays: 30,
  restoreResendMarginMs: 86_400_000,
  journalKeepDays: 60,
};

/**
 * How long a counter terminal waits for its hub when it enrolls at start: under the desktop app's start limit (60 s,
 * electron/main/server-host.ts), so its role page gets the reason rather than a start timeout.
 */
export const ENROLL_WAIT_MS = 45_000;

/** Delay before retry `attempt` (0-based); `rand` in [0, 1) spreads terminals that lost the hub together. */
export function backoffDelay(attempt: number, cfg: SyncConfig, rand: number): number {
  const base = Math.min(cfg.backoffMaxMs, cfg.backoffMinMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.75 + rand * 0.25));
}
