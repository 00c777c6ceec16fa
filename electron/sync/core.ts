import { randomUUID } from 'node:crypto';
import type { TicketEvent, TicketState } from '@shared/queue';
import type { SyncEventKind, SyncEnvelope } from '@shared/sync/envelope';
import { defaultSyncConfig, syncConfigSchema, type SyncConfig } from '@shared/sync/config';
import type { HubIdentity, SyncNoticeView, SyncStatus } from '@shared/sync/api';
import type { HubIdentityStep } from '@shared/sync/hub-identity';
import { HlcClock } from '@shared/sync/hlc';
import type { Store } from '../db/connection';
import type { Pii } from '../db/pii';
import { CounterRepo } from '../db/repos/counters';
import type { AuditRepo } from '../db/repos/settings';
import { SyncDataRepo } from '../db/repos/sync-data';
import { NumberBlockRepo } from '../db/repos/number-blocks';
import { IDENTITY_KEYS, SyncJournalRepo } from '../db/repos/sync';
import { SyncDeviceRepo } from '../db/repos/sync-devices';
import { TicketRepo } from '../db/repos/tickets';
import { AppointmentRepo } from '../db/repos/appointments';
import { AppointmentReplica, type DoubleCheckIn } from './appointments';
import { SyncApplier, type ApplyReport } from './apply';
import { TicketNumbers } from './numbers';
import { Outbox } from './outbox';

/** What a terminal's replicator reports; the hub has none. */
export interface StatusSource {
  status(): SyncStatus;
  /** Sync soon (something new is in the outbox, or a person asked). */
  kick(): void;
}

export type InstallRole = 'hub' | 'terminal' | 'headoffice';

/**
 * Who hears about what replication changed: the live queue and the screens. Set by the composition root once the
 * queue exists (it is built after this core, and takes it), so this core needs no queue and no context.
 */
export interface SyncListener {
  /** Tickets changed by events from another device; `called` ones are announced in the lobby. */
  applied(changed: readonly TicketState[], called: readonly TicketState[], at: number): void;
  notice(notice: SyncNoticeView): void;
  /** A terminal stored a snapshot (`full`: the first one, today's tickets included). */
  refreshed(full: boolean, at: number): void;
  /** A terminal's replication status changed in a way a person sees. */
  status(status: SyncStatus, at: number): void;
  /** The hub: a booking was checked in twice; each losing ticket is cancelled (journaled like any cancel). */
  doubleCheckIns?(doubles: readonly DoubleCheckIn[], at: number): void;
}

/** What the replication core needs: the install's store, clock and identity; nothing of the server. */
export interface SyncCoreDeps {
  store: Store;
  now: () => number;
  deviceId: string;
  role: InstallRole;
  /** The branch the events belong to (from the rules, read per call: a saved settings version applies at once). */
  branchCode: () => string;
  audit: AuditRepo;
  /** The hub turns full keyed hashes into terminal tags when it serves a snapshot. */
  pii: Pii;
  config?: Partial<SyncConfig>;
}

/**
 * Replication inside one install: the HLC, the outbox, the applier and the ticket numbering, shared by the
 * hub and the terminal roles. The sync application (electron/app/sync.ts), the replicator and the queue service use it.
 */
export class SyncCore {
  readonly cfg: SyncConfig;
  readonly clock: HlcClock;
  readonly journal: SyncJournalRepo;
  readonly data: SyncDataRepo;
  readonly devices: SyncDeviceRepo;
  readonly blocks: NumberBlockRepo;
  readonly outbox: Outbox;
  readonly applier: SyncApplier;
  readonly numbers: TicketNumbers;
  readonly deviceId: string;
  /** Set by start.ts on a terminal. */
  source: StatusSource | null = null;
  /** Hub: the terminal lookup key (Pii.terminalKey, never the hub's own) handed out at enrollment. Set by start.ts. */
  lookupKey: string | null = null;
  readonly role: InstallRole;
  private readonly store: Store;
  private readonly now: () => number;
  private listener: SyncListener | null = null;
  private identity: HubIdentity | undefined;

  constructor(private readonly deps: SyncCoreDeps) {
    this.cfg = syncConfigSchema.parse({ ...defaultSyncConfig, ...deps.config });
    const store = deps.store;
    const now = deps.now;
    this.store = store;
    this.now = now;
    this.role = deps.role;
    this.deviceId = deps.deviceId;
    this.journal = new SyncJournalRepo(store);
    this.data = new SyncDataRepo(store, deps.role === 'terminal' ? null : deps.pii);
    this.devices = new SyncDeviceRepo(store);
    this.blocks = new NumberBlockRepo(store);
    this.clock = new HlcClock(this.deviceId, now, this.cfg.maxDriftMs, this.journal.maxHlc());
    this.outbox = new Outbox(store, this.journal, this.clock, this.deviceId, () => this.branchCode(), now);
    const tickets = new TicketRepo(store);
    this.applier = new SyncApplier(
      store,
      this.journal,
      this.data,
      tickets,
      new CounterRepo(store),
      this.devices,
      deps.audit,
      this.clock,
      now,
      deps.role !== 'terminal',
      new AppointmentReplica(
        new AppointmentRepo(store),
        (id) => this.data.customerExists(id),
        (id) => tickets.get(id)?.displayNo ?? null,
      ),
    );
    this.numbers = new TicketNumbers(this.blocks, deps.role, this.deviceId, () => this.cfg);
  }

  /** One listener (the composition root's); replaces any before it. */
  listen(listener: SyncListener): void {
    this.listener = listener;
  }

  /** A terminal stored a snapshot: the live queue re-reads today's tickets (first one) and the counters. */
  refreshed(full: boolean, at: number): void {
    this.listener?.refreshed(full, at);
  }

  /** A terminal's status for the live feed. */
  publishStatus(status: SyncStatus): void {
    this.listener?.status(status, this.now());
  }

  kick(): void {
    this.source?.kick();
  }

  /** The hub: which database it runs on, made the first time it is asked (kept: a database is not swapped live). */
  hubIdentity(): HubIdentity {
    if (this.identity) return this.identity;
    let id = this.journal.identity();
    if (!id) {
      id = { epoch: randomUUID(), copiedAt: null, copySeq: null };
      this.journal.setState(IDENTITY_KEYS.epoch, id.epoch, this.now());
    }
    this.identity = id;
    return id;
  }

  /**
   * A terminal whose hub went back to a copy (shared/sync/hub-identity.ts): its own events pushed since the copy
   * (less a margin) and its audit rows of that time are to be pushed again, the journal pulled again from the copy's
   * end, and its ticket-number blocks from today on given up (the copy may not know them; the hub grants new ones
   * past every number it then holds). One transaction; audited here, and the row reaches the hub's trail.
   */
  hubRestored(step: Extract<HubIdentityStep, { kind: 'restored' }>, fromDay: string): number {
    const at = this.now();
    return this.store.tx(() => {
      const resent = this.journal.resendSince(this.deviceId, step.resendFrom);
      const audit = Number(this.journal.getState('audit_cursor') ?? 0);
      this.journal.setState(
        'audit_cursor',
        String(Math.min(audit, this.data.auditRowidBefore(step.resendFrom))),
        at,
      );
      this.journal.setState('pull_cursor', String(step.pullFrom), at);
      this.journal.setState('hub_epoch', step.epoch, at);
      const blocks = this.blocks.dropMine(this.deviceId, fromDay);
      this.deps.audit.append({
        at,
        staffId: null,
        action: 'backup.restore_seen',
        targetType: 'device',
        targetId: this.deviceId,
        detail: { copiedAt: step.copiedAt, resent, pullFrom: step.pullFrom, blocksDropped: blocks },
      });
      return resent;
    });
  }

  /** Events pulled from the hub and the new cursor, in one transaction: a crash never skips or repeats a page. */
  applyPulled(envs: readonly SyncEnvelope[], cursor: number): ApplyReport {
    const report = this.store.tx(() => {
      const r = this.applier.apply(envs, { journal: false });
      this.journal.setState('pull_cursor', String(cursor), this.now());
      return r;
    });
    this.afterApply(report);
    return report;
  }

  branchCode(): string {
    return this.deps.branchCode();
  }

  /** A ticket event into the outbox (in the caller's transaction); its HLC stamp. */
  ticketEvent(ev: TicketEvent): string {
    return this.outbox.ticketEvent(ev);
  }

  /** `id`: the envelope's (default a new one); a row that is its own event passes its id, so both dedupe alike. */
  record(kind: SyncEventKind, entityId: string, payload: Record<string, unknown>, id?: string): SyncEnvelope {
    return this.outbox.record(kind, entityId, payload, id);
  }

  /** An append-only row just written (outcome, follow-up, complaint) into the outbox as it is stored. */
  recordRow(
    kind: SyncEventKind,
    table: 'suggestion_outcomes' | 'follow_ups' | 'complaints',
    id: string,
  ): void {
    const row = this.data.row(table, id);
    if (row) this.outbox.record(kind, id, { row });
  }

  /** `recordRow` when `ok`, passing `ok` through: for a route's "changed one row?" check, in its transaction. */
  recordIf(
    ok: boolean,
    kind: SyncEventKind,
    table: 'suggestion_outcomes' | 'follow_ups' | 'complaints',
    id: string,
  ): boolean {
    if (ok) this.recordRow(kind, table, id);
    return ok;
  }

  /** `recordRow` for a row just inserted, passing its id through. */
  recorded(
    id: string,
    kind: SyncEventKind,
    table: 'suggestion_outcomes' | 'follow_ups' | 'complaints',
  ): string {
    this.recordRow(kind, table, id);
    return id;
  }

  /** A profile change made here: last-writer-wins per field against changes made elsewhere. */
  updateProfile(customerId: string, fields: Record<string, unknown>, staffId: string | null): void {
    this.store.tx(() => {
      const env = this.outbox.record('profile_update', customerId, { fields, staffId });
      this.applier.applyLocalProfile(env);
    });
  }

  /** Events from another device; then the live queue and the counters' screens hear about it. */
  applyRemote(envs: readonly SyncEnvelope[], opts: { journal: boolean; retry?: boolean }): ApplyReport {
    const report = this.applier.apply(envs, opts);
    this.afterApply(report);
    return report;
  }

  private afterApply(report: ApplyReport): void {
    const l = this.listener;
    if (!l) return;
    if (report.changed.length > 0) l.applied(report.changed, report.called, this.now());
    for (const n of report.notices) l.notice(this.noticeView(n));
    // Only the hub settles a double check-in: its cancel reaches every terminal through the journal.
    if (this.role === 'hub' && report.doubleCheckIns.length > 0)
      l.doubleCheckIns?.(report.doubleCheckIns, this.now());
  }

  /** Events that failed for want of a row (a customer not yet in this copy …), tried again. */
  retryFailed(): ApplyReport | null {
    const failed = this.journal.failed(this.cfg.pullBatch);
    if (failed.length === 0) return null;
    return this.applyRemote(failed, { journal: false, retry: true });
  }

  noticeView(n: {
    id: string;
    at: number;
    ticketId: string | null;
    displayNo: string | null;
    counterId: string | null;
    code: string;
    zh: string;
    en: string;
  }): SyncNoticeView {
    return {
      id: n.id,
      at: n.at,
      ticketId: n.ticketId,
      displayNo: n.displayNo,
      counterId: n.counterId,
      code: n.code,
      zh: n.zh,
      en: n.en,
    };
  }

  notices(limit = 20): SyncNoticeView[] {
    return this.devices.notices({ unseenOnly: true, limit }).map((r) =>
      this.noticeView({
        id: r.id,
        at: r.at,
        ticketId: r.ticket_id,
        displayNo: r.display_no,
        counterId: r.counter_id,
        code: r.code,
        zh: r.zh,
        en: r.en,
      }),
    );
  }

  /** `detail` adds the hub's devices with their event counts (a scan of the journal: not for polling). */
  status(detail = false): SyncStatus {
    if (this.source) return this.source.status();
    const pushed = detail ? this.journal.countByDevice() : {};
    return {
      role: this.role,
      deviceId: this.deviceId,
      phase: 'hub',
      online: true,
      hub: null,
      pending: 0,
      lastSyncAt: null,
      offlineSince: null,
      lastError: null,
      notEnrolled: false,
      lastReconnect: null,
      progress: null,
      blocks: [],
      notices: this.notices(),
      devices: (detail ? this.devices.list() : []).map((d) => ({
        deviceId: d.device_id,
        name: d.name,
        lastSeenAt: d.last_seen_at,
        pushed: pushed[d.device_id] ?? 0,
      })),
    };
  }
}
