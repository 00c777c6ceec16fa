import { scrubPii } from '@shared/customer/mask';
import { defaultRulesConfig, rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import { newId } from '../ids';

export interface SettingsVersionRow {
  version: number;
  created_at: number;
  effective_at: number | null;
  created_by: string | null;
  note: string | null;
  created_by_name: string | null;
  /** 'local' or 'headoffice' (0024). */
  origin?: string;
}

export class SettingsRepo {
  constructor(private readonly store: Store) {}

  /**
   * The version in force: the newest one whose time has come (`effective_at` unset or not after `now`), validated;
   * without `now`, simply the newest. Falls back to defaults on an empty database.
   */
  current(now?: number): { version: number; config: RulesConfig } {
    let q = this.store.k
      .selectFrom('settings')
      .select(['version', 'config'])
      .orderBy('version', 'desc')
      .limit(1);
    if (now !== undefined)
      q = q.where((eb) => eb.or([eb('effective_at', 'is', null), eb('effective_at', '<=', now)]));
    const row = this.store.first(q);
    if (!row) return { version: 0, config: defaultRulesConfig };
    return { version: row.version, config: rulesConfigSchema.parse(JSON.parse(row.config)) };
  }

  /** When the next scheduled version takes effect after `now` (null: none is waiting). */
  nextScheduled(now: number): number | null {
    const row = this.store.first(
      this.store.k
        .selectFrom('settings')
        .select((eb) => eb.fn.min('effective_at').as('at'))
        .where('effective_at', '>', now),
    );
    return row?.at ?? null;
  }

  /** Every saved version, newest first, with who saved it (config left out: the list stays small). */
  versions(): SettingsVersionRow[] {
    return this.store.all(
      this.store.k
        .selectFrom('settings')
        .leftJoin('staff', 'staff.id', 'settings.created_by')
        .select([
          'settings.version',
          'settings.created_at',
          'settings.effective_at',
          'settings.created_by',
          'settings.note',
          'settings.origin',
          'staff.display_name as created_by_name',
        ])
        .orderBy('settings.version', 'desc'),
    );
  }

  /** Every version's stored config, oldest first (the version list describes each change in words). */
  configs(): { version: number; config: string }[] {
    return this.store.all(
      this.store.k.selectFrom('settings').select(['version', 'config']).orderBy('version', 'asc'),
    );
  }

  /** One version as stored (not re-validated: an old version may not fit today's schema). */
  version(version: number): (SettingsVersionRow & { config: string }) | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('settings')
        .leftJoin('staff', 'staff.id', 'settings.created_by')
        .select([
          'settings.version',
          'settings.config',
          'settings.created_at',
          'settings.effective_at',
          'settings.created_by',
          'settings.note',
          'settings.origin',
          'staff.display_name as created_by_name',
        ])
        .where('settings.version', '=', version),
    );
  }

  /** A new version numbered after every saved one (scheduled ones included); `effectiveAt`: from then on. */
  save(
    config: RulesConfig,
    by: string | null,
    note: string | null,
    now: number,
    effectiveAt: number | null = null,
    /** 'headoffice' for a version a head-office pull made (0024); versions are immutable, so it is set here. */
    origin: 'local' | 'headoffice' = 'local',
  ): number {
    const valid = rulesConfigSchema.parse(config);
    const last = this.store.first(
      this.store.k.selectFrom('settings').select((eb) => eb.fn.max('version').as('v')),
    );
    const version = (last?.v ?? 0) + 1;
    this.store.run(
      this.store.k.insertInto('settings').values({
        version,
        config: JSON.stringify(valid),
        created_at: now,
        created_by: by,
        note,
        effective_at: effectiveAt,
        origin,
      }),
    );
    return version;
  }
}

export interface AuditEntry {
  at: number;
  staffId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Staff type free text into reasons and notes, sometimes a customer's phone or ID number ("客户138…要求"): the audit
 * log keeps it masked like the logs do. Only strings: numbers in `detail` are times and counts.
 */
const MACHINE_KEY = /(sha256|hash)$/i;

function scrubStrings(v: unknown): unknown {
  if (typeof v === 'string') return scrubPii(v);
  if (Array.isArray(v)) return v.map(scrubStrings);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, MACHINE_KEY.test(k) ? x : scrubStrings(x)]),
    );
  return v;
}

/** appendSoon's group commit: at most this long a wait, at most this many rows per transaction. */
const GROUP_MS = 25;
const GROUP_MAX = 256;
/**
 * Rows per transaction when the timer writes them: each row costs ~40 µs (its four indexes and the head-office
 * journal trigger), so 200 rows at once held every request for 5–10 ms and made the lookup's p99 (P1 in BENCH.md).
 * Slices of this size, with the event loop turning between them, keep any wait near a millisecond.
 */
const SLICE_ROWS = 24;

type AuditRow = [string, number, string | null, string, string | null, string | null, string | null, string];

export class AuditRepo {
  private readonly insert: Database.Statement<AuditRow>;
  /** appendSoon's queue; rows (ids included) are built at flush, off the request's path. */
  private pending: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private slice: ReturnType<typeof setImmediate> | null = null;

  constructor(private readonly store: Store) {
    this.insert = store.sqlite.prepare<AuditRow>(
      `INSERT INTO audit_log (id, at, staff_id, action, target_type, target_id, reason, detail) VALUES (?,?,?,?,?,?,?,?)`,
    );
  }

  private row(entry: AuditEntry): AuditRow {
    return [
      newId(),
      entry.at,
      entry.staffId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.reason == null ? null : scrubPii(entry.reason),
      JSON.stringify(scrubStrings(entry.detail ?? {})),
    ];
  }

  /** How many rows of these actions a staff member has written since `since` (the reveal limit). */
  countByStaffSince(staffId: string, actions: readonly string[], since: number): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('staff_id', '=', staffId)
        .where('at', '>=', since)
        .where('action', 'in', actions),
    );
    return r?.n ?? 0;
  }

  /** Writes the row now (inside the caller's transaction, if any). */
  append(entry: AuditEntry): string {
    const r = this.row(entry);
    this.insert.run(...r);
    return r[0];
  }

  /**
   * Group commit for the hot path (a walk-in lookup): the row is queued and written with the others
   * of the next few milliseconds in one transaction, after the reply has gone out, instead of a
   * commit of its own per request (a commit here costs ~70 µs, more than the rest of a lookup; see
   * P1 in BENCH.md). Nothing is dropped and each row keeps its own time (`at`; the id is given when
   * written); a crash of the process can lose the rows of the last GROUP_MS. `flush()` runs on server
   * close and before audit reads.
   */
  appendSoon(entry: AuditEntry): void {
    this.pending.push(entry);
    if (this.slice) return; // a slice is due right after the requests in hand: it takes this row along
    if (this.pending.length >= GROUP_MAX) this.schedule(0);
    else if (!this.timer) this.schedule(GROUP_MS);
  }

  private schedule(ms: number): void {
    if (this.timer) {
      if (ms > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.flushSlices(), ms);
  }

  /** Writes every queued row now (server close, and before the audit log is read). */
  flush(): void {
    this.write(Infinity);
  }

  /**
   * The timer's flush: one slice of rows; a full slice left waits only for the requests that came in meanwhile
   * (setImmediate), a smaller rest for the next group.
   */
  private flushSlices(): void {
    this.slice = null;
    if (!this.write(SLICE_ROWS)) return;
    if (this.pending.length >= SLICE_ROWS) this.slice = setImmediate(() => this.flushSlices());
    else this.schedule(GROUP_MS);
  }

  /** Writes up to `max` queued rows in one transaction; answers whether rows are left. */
  private write(max: number): boolean {
    if (this.timer) clearTimeout(this.timer);
    if (this.slice) clearImmediate(this.slice);
    this.timer = null;
    this.slice = null;
    if (this.pending.length === 0 || !this.store.sqlite.open) return false;
    const all = this.pending.length <= max;
    const rows = all ? this.pending : this.pending.slice(0, max);
    this.pending = all ? [] : this.pending.slice(max);
    try {
      this.store.sqlite.transaction(() => {
        for (const entry of rows) this.insert.run(...this.row(entry));
      })();
    } catch {
      // The database is busy (an import's apply) or failing: keep the rows and try again shortly.
      this.pending = rows.concat(this.pending);
      this.timer = setTimeout(() => this.flushSlices(), 1000).unref();
      return false;
    }
    return this.pending.length > 0;
  }
}
