import { branchDay } from '@shared/queue';
import type { HubIdentity, SyncPhase, SyncStatus } from '@shared/sync/api';
import { hubIdentityStep } from '@shared/sync/hub-identity';
import { backoffDelay } from '@shared/sync/config';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { Logger } from 'pino';
import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../db/connection';
import { TERMINAL_LOOKUP_SCHEME } from '../db/repos/sync-data';
import type { StatusSource, SyncCore } from './core';
import { HubError, type HubClient } from './hub-client';
import { takeSnapshot } from './snapshot';

const DAY = 86_400_000;
/** Fastify's body limit is 1 MB: a push batch stays well under it. */
const MAX_PUSH_BYTES = 700_000;

/** What the replicator needs: the replication core, the store, the clock, the log and the rules. */
export interface ReplicatorDeps {
  sync: SyncCore;
  store: Store;
  now: () => number;
  log: Logger;
  rules: () => RulesConfig;
  /** A snapshot may have brought new settings: drop the cached rules. */
  rulesChanged: () => void;
}

/**
 * The terminal's side of replication. One loop: snapshot (first start, then a refresh every few minutes) →
 * push the outbox → pull the hub's journal → keep ticket-number blocks topped up. Any failure means offline:
 * the terminal keeps working on its own copy and retries with backoff; the first good cycle after that is a
 * reconnect, and its push count is reported. Status goes to the renderer via GET /api/sync/status and the
 * live feed (`{type:'sync'}`).
 */
export class Replicator implements StatusSource {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private kicked = false;
  private online = false;
  private phase: SyncPhase = 'snapshot';
  private attempt = 0;
  private lastSyncAt: number | null = null;
  private offlineSince: number | null = null;
  private lastError: string | null = null;
  private notEnrolled = false;
  private lastReconnect: { pushed: number; at: number } | null = null;
  private reconnectPushed = 0;
  private wasOffline = false;
  private progress: SyncStatus['progress'] = null;
  private lastPublished = '';
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private offAppend: (() => void) | null = null;

  private readonly sync: SyncCore;

  constructor(
    private readonly deps: ReplicatorDeps,
    private readonly hub: HubClient,
  ) {
    this.sync = deps.sync;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.offAppend = this.sync.outbox.onAppend(() => this.kick());
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.offAppend?.();
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.wake?.();
    await this.loopDone;
  }

  /** While online, sync at once; while offline the backoff decides (a burst of local writes must not hammer). */
  kick(): void {
    this.schedulePublish();
    if (!this.online) return;
    this.kicked = true;
    this.wake?.();
  }

  /** One full cycle now (tests and the bench drive it directly). */
  async syncOnce(): Promise<void> {
    await this.cycle();
    this.markOnline();
  }

  private sleep(ms: number): Promise<void> {
    if (this.kicked || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      let delay: number;
      try {
        await this.cycle();
        this.markOnline();
        this.attempt = 0;
        delay = this.sync.cfg.pollMs;
      } catch (e) {
        this.markOffline(e);
        delay = backoffDelay(this.attempt++, this.sync.cfg, Math.random());
      }
      if (!this.running) break;
      await this.sleep(delay);
    }
  }

  private async cycle(): Promise<void> {
    const j = this.sync.journal;
    if (j.getState('snapshot_at') === null) await this.snapshot(null);
    else if (j.getState('lookup_scheme') !== TERMINAL_LOOKUP_SCHEME) {
      // A copy from before the tags holds full keyed hashes and wide masks: drop them and fetch everything again.
      this.deps.store.tx(() => this.sync.data.forgetLookupHashes());
      await this.snapshot(null);
    }
    await this.push();
    await this.pushAudit();
    if (await this.pull()) {
      // The hub went back to a copy: what it lost of this terminal's work goes up again before any new block is
      // asked for, so the hub numbers the new block past the tickets it then holds.
      await this.push();
      await this.pushAudit();
      await this.pull();
    }
    await this.ensureBlocks();
    const at = Number(j.getState('snapshot_at'));
    if (this.deps.now() - at > this.sync.cfg.snapshotRefreshMs) await this.snapshot(at);
    this.sync.retryFailed();
  }

  private markOnline(): void {
    const now = this.deps.now();
    if (this.wasOffline) {
      this.lastReconnect = { pushed: this.reconnectPushed, at: now };
      this.deps.log.info({ pushed: this.reconnectPushed }, 'sync: back online');
    }
    this.wasOffline = false;
    this.reconnectPushed = 0;
    this.online = true;
    this.offlineSince = null;
    this.lastError = null;
    this.notEnrolled = false;
    this.lastSyncAt = now;
    this.phase = 'online';
    this.progress = null;
    this.publish();
  }

  private markOffline(e: unknown): void {
    const msg = e instanceof Error ? e.message : String(e);
    if (!(e instanceof HubError)) this.deps.log.error({ err: e }, 'sync cycle failed');
    else if (this.online || this.offlineSince === null)
      this.deps.log.warn({ err: msg }, 'sync: hub unreachable');
    this.online = false;
    this.wasOffline = true;
    this.offlineSince ??= this.deps.now();
    this.lastError = msg;
    this.notEnrolled = e instanceof HubError && e.code === 'device_unknown';
    this.phase = this.sync.journal.getState('snapshot_at') === null ? 'snapshot' : 'offline';
    this.progress = null;
    this.publish();
  }

  /** Every table (first start) or the master data changed since `since` (refresh): snapshot.ts. */
  private async snapshot(since: number | null): Promise<void> {
    if (since === null) this.phase = 'snapshot';
    await takeSnapshot({ ...this.deps, hub: this.hub }, since, (p) => {
      this.progress = p;
      this.schedulePublish();
    });
    this.progress = null;
  }

  private nextBatch(): SyncEnvelope[] {
    const batch = this.sync.journal.unpushed(this.sync.cfg.pushBatch, this.sync.deviceId);
    let bytes = 0;
    for (let i = 0; i < batch.length; i++) {
      bytes += JSON.stringify(batch[i]).length;
      if (bytes > MAX_PUSH_BYTES) return batch.slice(0, Math.max(1, i));
    }
    return batch;
  }

  private async push(): Promise<void> {
    const total = this.sync.journal.unpushedCount();
    if (total === 0) return;
    let done = 0;
    for (;;) {
      const batch = this.nextBatch();
      if (batch.length === 0) break;
      // Uploading, on screen, once the hub answers: a terminal trying a hub that never answers stays 离线模式 rather
      // than "uploading 0/N" for the whole wait of every try.
      if (this.online || done > 0) {
        this.phase = 'syncing';
        this.progress = { step: 'push', label: 'outbox', done, total };
        this.schedulePublish();
      }
      const res = await this.hub.push(batch);
      const marked = this.sync.journal.markPushed(res.acked, this.deps.now());
      done += marked;
      this.reconnectPushed += marked;
      if (res.acked.length === 0) throw new HubError('hub acknowledged nothing', null, null);
    }
  }

  /**
   * The terminal's audit trail (logins, look-ups, views …) goes up to the hub's, under the rows' own ids. It is
   * read from audit_log by position rather than through the outbox: the log is append-only already, and look-ups
   * are group-committed after their reply (AuditRepo.appendSoon), outside any transaction of their own.
   */
  private async pushAudit(): Promise<void> {
    const j = this.sync.journal;
    for (;;) {
      const cursor = Number(j.getState('audit_cursor') ?? 0);
      const rows = this.sync.data.auditAfter(cursor, this.sync.cfg.pushBatch);
      if (rows.length === 0) return;
      const events: SyncEnvelope[] = rows.map((r) => ({
        id: String(r.row.id),
        deviceId: this.sync.deviceId,
        branchCode: this.sync.branchCode(),
        hlc: this.sync.clock.now(),
        kind: 'audit',
        entityId: String(r.row.id),
        payload: { row: r.row },
      }));
      await this.hub.push(events);
      j.setState('audit_cursor', String(rows.at(-1)?.rowid ?? cursor), this.deps.now());
    }
  }

  /** Pulls the hub's journal; true when the hub turned out to run on a copy (then nothing was applied). */
  private async pull(): Promise<boolean> {
    const j = this.sync.journal;
    for (;;) {
      const cursor = Number(j.getState('pull_cursor') ?? 0);
      const res = await this.hub.events(cursor, this.sync.cfg.pullBatch);
      if (this.hubWentBack(res.hub, cursor)) return true;
      if (res.tail != null && cursor + 1 < res.tail) {
        // Off longer than the hub keeps its journal (journalKeepDays): what lay after the cursor is gone.
        this.deps.log.warn(
          { cursor, tail: res.tail },
          'sync: journal pruned past this terminal; full snapshot',
        );
        await this.snapshot(null);
        continue;
      }
      if (res.events.length === 0) break;
      const last = res.events.at(-1)?.seq ?? cursor;
      this.progress = { step: 'pull', label: 'journal', done: last, total: res.head };
      this.sync.applyPulled(
        res.events.map((e) => e.event),
        last,
      );
      if (last >= res.head) break;
    }
    return false;
  }

  /** Compares the hub's identity with the one this terminal knew (shared/sync/hub-identity.ts). */
  private hubWentBack(hub: HubIdentity | undefined, cursor: number): boolean {
    const j = this.sync.journal;
    const step = hubIdentityStep(j.getState('hub_epoch'), hub, cursor, this.sync.cfg.restoreResendMarginMs);
    if (step.kind === 'same') return false;
    if (step.kind === 'adopt') {
      j.setState('hub_epoch', step.epoch, this.deps.now());
      return false;
    }
    const day = branchDay(this.deps.now(), this.deps.rules().branch.timezone);
    const resent = this.sync.hubRestored(step, day);
    this.deps.log.warn(
      { copiedAt: step.copiedAt, resent, pullFrom: step.pullFrom },
      'sync: the hub runs on a backup copy; sending this terminal’s recent work again',
    );
    return true;
  }

  /** Today's and tomorrow's blocks for every queue, so a terminal offline across midnight can still issue. */
  private async ensureBlocks(): Promise<void> {
    const rules = this.deps.rules();
    const now = this.deps.now();
    const days = [
      ...new Set([branchDay(now, rules.branch.timezone), branchDay(now + DAY, rules.branch.timezone)]),
    ];
    for (const day of days) {
      const need = rules.queue.queues.filter(
        (q) => this.sync.numbers.left(day, q.key, q.prefix) < this.sync.cfg.blockLowWater,
      );
      if (need.length === 0) continue;
      const res = await this.hub.blocks(
        day,
        need.map((q) => q.key),
      );
      this.deps.store.tx(() => this.sync.numbers.store(res.blocks, now));
    }
  }

  status(): SyncStatus {
    const rules = this.deps.rules();
    const day = branchDay(this.deps.now(), rules.branch.timezone);
    const blocks = rules.queue.queues.flatMap((q) =>
      this.sync.numbers.mine(day, q.key, q.prefix).map((b) => ({
        queue: q.key,
        prefix: q.prefix,
        start: b.start,
        end: b.end,
        next: b.used === null ? b.start : b.used < b.end ? b.used + 1 : null,
      })),
    );
    return {
      role: 'terminal',
      deviceId: this.sync.deviceId,
      phase: this.phase,
      online: this.online,
      hub: this.hub.base,
      pending: this.sync.journal.unpushedCount(),
      lastSyncAt: this.lastSyncAt,
      offlineSince: this.offlineSince,
      lastError: this.lastError,
      notEnrolled: this.notEnrolled,
      lastReconnect: this.lastReconnect,
      progress: this.progress,
      blocks,
      notices: this.sync.notices(),
    };
  }

  /** Live feed: at most one status message per 200 ms, and only when something a person sees changed. */
  private schedulePublish(): void {
    if (this.publishTimer || !this.running) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.publish();
    }, 200);
  }

  private publish(): void {
    if (!this.running) return;
    const s = this.status();
    const key = JSON.stringify([
      s.phase,
      s.online,
      s.pending,
      s.progress,
      s.lastReconnect,
      s.lastError,
      s.notEnrolled,
    ]);
    if (key === this.lastPublished) return;
    this.lastPublished = key;
    this.sync.publishStatus(s);
  }
}
