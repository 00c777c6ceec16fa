import { ApiError } from '@shared/api/errors';
import type { LiveMessage } from '@shared/api/queue';
import type { Role } from '@shared/api/types';
import { doubleCheckInReason } from '@shared/appointments/sync';
import type { RulesConfig } from '@shared/config/schema';
import { branchDay, type TicketState } from '@shared/queue';
import {
  SNAPSHOT_TABLES,
  type BlocksResponse,
  type EnrollRequest,
  type EnrollResponse,
  type PushResponse,
  type SnapshotHead,
  type SnapshotPage,
  type SnapshotTable,
  type SyncEventsPage,
  type SyncStatus,
} from '@shared/sync/api';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { headOfficeLink } from '@shared/sync/headoffice-link';
import type { BackupAlert } from '@shared/backup/schedule';
import type { Store } from '../db/connection';
import { HeadOfficeSyncRepo } from '../db/repos/headoffice-sync';
import type { AuditRepo } from '../db/repos/settings';
import type { SnapshotScope } from '../db/repos/sync-data';
import type { SyncCore, SyncListener } from '../sync/core';
import type { StaffApp } from './staff';
import { TerminalsApp } from './terminals';
import { newToken, tokenId } from './tokens';

const DAY = 86_400_000;
/** Who may enroll a counter PC as a terminal (it gets the branch's customer copy and password hashes). */
const ENROLLERS: readonly Role[] = ['manager', 'admin'];
/** A device's last use is written at most this often (every poll would be a write). */
const TOUCH_MS = 30_000;

/** A terminal, as its device token identified it. */
export interface DeviceCaller {
  deviceId: string;
}

export interface SyncAppDeps {
  sync: SyncCore;
  store: Store;
  /** The password check of enrollment: wrong guesses count toward the same lockout as login. */
  staff: Pick<StaffApp, 'verify'>;
  audit: Pick<AuditRepo, 'append'>;
  now: () => number;
  rules: () => RulesConfig;
  /** This install's role: only a hub enrolls terminals. */
  role: 'hub' | 'terminal' | 'headoffice';
  /** For the list of enrolled terminals: who enrolled each. */
  staffName: (id: string) => string | null;
  /** The hub's database copies, for the manager's banner. */
  backupAlert?: () => BackupAlert | null;
}

const deviceUnknown = () =>
  new ApiError(401, 'device_unknown', '终端未登记或已停用', 'This terminal is not enrolled at the hub');

/**
 * Replication as the routes see it. On the hub: terminal enrollment (manager/admin credentials → a device token
 * shown once; only its digest is stored), the snapshot and journal a terminal pulls, the events it pushes and the
 * ticket-number blocks it reserves. On every install: the status, its notices and "sync now".
 */
export class SyncApp {
  /** The head-office journal, read for the status (built on first use: tests often run without a hub). */
  private hoJournal: HeadOfficeSyncRepo | undefined;
  /** Set at start on a hub started with a head office (`--headoffice`): the status says how that link stands. */
  headOfficeConfigured = false;

  /** 柜台终端: the terminals enrolled here, and revoking one. */
  readonly terminals: TerminalsApp;

  constructor(private readonly deps: SyncAppDeps) {
    const { sync, staffName, audit, now, role } = deps;
    this.terminals = new TerminalsApp({ sync, staffName, audit, now, role, tx: (fn) => deps.store.tx(fn) });
  }

  async enroll(body: EnrollRequest): Promise<EnrollResponse> {
    const { deps } = this;
    const sync = deps.sync;
    if (deps.role !== 'hub')
      throw new ApiError(409, 'not_hub', '本机不是网点服务器', 'This is not a branch hub');
    const staff = await deps.staff.verify(body.username, body.password, 'sync.enroll_failed');
    if (!staff) throw new ApiError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password');
    if (!ENROLLERS.includes(staff.role))
      throw new ApiError(
        403,
        'forbidden',
        '只有网点负责人或管理员可以登记终端',
        'Only a manager or an admin can enroll a terminal',
      );
    const lookupKey = sync.lookupKey;
    if (!lookupKey)
      throw new ApiError(409, 'no_lookup_key', '服务器未加载查询密钥', 'The hub has no lookup key loaded');
    const token = newToken();
    const now = deps.now();
    deps.store.tx(() => {
      sync.devices.insert({
        device_id: body.deviceId,
        name: body.name ?? body.deviceId,
        token_hash: tokenId(token),
        enrolled_by: staff.id,
        created_at: now,
        last_seen_at: now,
        revoked_at: null,
      });
      deps.audit.append({
        at: now,
        staffId: staff.id,
        action: 'sync.enroll',
        targetType: 'device',
        targetId: body.deviceId,
        detail: { name: body.name ?? null },
      });
    });
    return {
      token,
      deviceId: body.deviceId,
      hubDeviceId: sync.deviceId,
      branchCode: sync.branchCode(),
      lookupKey,
      lookupScheme: 'tag1',
    };
  }

  /** The terminal a device token belongs to, or 401; notes its last use. */
  device(token: string | null): DeviceCaller {
    const sync = this.deps.sync;
    const row = token ? sync.devices.byTokenHash(tokenId(token)) : undefined;
    if (!row || row.revoked_at !== null) throw deviceUnknown();
    const now = this.deps.now();
    if (row.last_seen_at === null || now - row.last_seen_at > TOUCH_MS)
      sync.devices.touch(row.device_id, now);
    return { deviceId: row.device_id };
  }

  private scope(since?: number): SnapshotScope {
    const now = this.deps.now();
    return {
      branchDay: branchDay(now, this.deps.rules().branch.timezone),
      historyFrom: now - this.deps.sync.cfg.historyDays * DAY,
      since,
    };
  }

  snapshotHead(): SnapshotHead {
    const sync = this.deps.sync;
    const s = this.scope();
    return {
      cursor: sync.journal.head(),
      branchDay: s.branchDay,
      at: this.deps.now(),
      tables: SNAPSHOT_TABLES.map((table) => ({ table, total: sync.data.count(table, s) })),
    };
  }

  snapshotPage(q: {
    table: SnapshotTable;
    after?: string | undefined;
    limit: number;
    since?: number | undefined;
  }): SnapshotPage {
    const data = this.deps.sync.data;
    const s = this.scope(q.since);
    const page = data.page(q.table, s, q.after, q.limit);
    return {
      table: q.table,
      rows: page.rows,
      next: page.next,
      total: q.after === undefined ? data.count(q.table, s) : null,
    };
  }

  events(after: number, limit: number): SyncEventsPage {
    const journal = this.deps.sync.journal;
    return {
      events: journal.after(after, limit).map((r) => ({ seq: r.seq, event: r.env })),
      head: journal.head(),
      hub: this.deps.sync.hubIdentity(),
      tail: journal.tail(),
    };
  }

  /** A terminal's outbox: only its own events, only of this branch; idempotent by event id. */
  push(device: DeviceCaller, events: readonly SyncEnvelope[]): PushResponse {
    const sync = this.deps.sync;
    const code = sync.branchCode();
    for (const e of events) {
      if (e.deviceId !== device.deviceId)
        throw new ApiError(
          403,
          'wrong_device',
          '只能上传本终端的事件',
          'A terminal pushes only its own events',
        );
      if (e.branchCode !== code)
        throw new ApiError(
          409,
          'wrong_branch',
          '事件不属于本网点',
          `Event of branch ${e.branchCode}, not ${code}`,
        );
    }
    const report = sync.applyRemote(events, { journal: true });
    const count = (s: string) => report.results.filter((r) => r.status === s).length;
    return {
      acked: report.results.map((r) => r.id),
      applied: count('applied'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      failed: count('failed'),
      hlc: sync.clock.last(),
    };
  }

  /** Ticket-number blocks for a terminal, per queue of the current rules. */
  reserveBlocks(device: DeviceCaller, day: string, queueKeys: readonly string[]): BlocksResponse {
    const defs = this.deps.rules().queue.queues;
    const queues = queueKeys.map((key) => {
      const def = defs.find((q) => q.key === key);
      if (!def) throw new ApiError(400, 'unknown_queue', `未知队列：${key}`, `Unknown queue: ${key}`);
      return { key, prefix: def.prefix };
    });
    const sync = this.deps.sync;
    const blocks = this.deps.store.tx(() =>
      sync.numbers.reserve(device.deviceId, day, queues, this.deps.now()),
    );
    return { blocks };
  }

  status(detail: boolean): SyncStatus {
    const s = this.deps.sync.status(detail);
    if (this.deps.role !== 'hub') return s;
    this.hoJournal ??= new HeadOfficeSyncRepo(this.deps.store);
    const facts = { configured: this.headOfficeConfigured, ...this.hoJournal.journalFacts() };
    const headOffice = headOfficeLink(facts, this.deps.rules().branch, this.deps.now());
    return { ...s, headOffice, backup: this.deps.backupAlert?.() ?? null };
  }

  /** False when the notice is unknown or was already dismissed. */
  dismissNotice(id: string): boolean {
    return this.deps.sync.devices.markNoticeSeen(id, this.deps.now());
  }

  syncNow(): void {
    this.deps.sync.kick();
  }
}

/** The live queue as replication drives it (the queue service). */
export interface LiveQueue {
  syncApplied(states: readonly TicketState[], called: readonly TicketState[], now: number): void;
  countersChanged(now: number): void;
  emit(m: LiveMessage): void;
  tickets: { today(branchDay: string): TicketState[] };
}

/**
 * What replication tells the live queue: tickets changed elsewhere, conflict notices, a stored snapshot (the first
 * one brings today's tickets; every one may bring counters), and a terminal's status for the banner.
 */
export function queueListener(
  queue: LiveQueue,
  rules: () => RulesConfig,
  /** The lobby floor's cancel: the hub cancels the ticket that lost a double check-in, as the system. */
  floor: { cancel(ticketId: string, reason: string, staffId: string | null): unknown },
): SyncListener {
  return {
    applied: (changed, called, at) => queue.syncApplied(changed, called, at),
    notice: (notice) => queue.emit({ type: 'notice', at: notice.at, notice }),
    refreshed: (full, at) => {
      if (full) queue.syncApplied(queue.tickets.today(branchDay(at, rules().branch.timezone)), [], at);
      queue.countersChanged(at);
    },
    status: (sync, at) => queue.emit({ type: 'sync', at, sync }),
    doubleCheckIns: (doubles) => {
      for (const d of doubles) {
        try {
          floor.cancel(d.loser, doubleCheckInReason(d.kept), null);
        } catch {
          // Already served, finished or cancelled at its counter: the customer was seen; nothing to undo.
        }
      }
    },
  };
}
