import type { Store } from '../connection';
import type { SessionTable, StaffTable } from '../schema';
import type { SessionRepo, StaffRepo } from './staff';

export interface AuthLookup {
  /** The session's key (SHA-256 of the token). */
  sessionId: string;
  session: SessionTable | undefined;
  staff: StaffTable | undefined;
}

interface Cached {
  sessionId: string;
  session: SessionTable;
  staff: StaffTable;
  /** performance.now() when read from the database. */
  readAt: number;
}

/**
 * How long an entry is trusted without another look at the database. Writes through this
 * connection invalidate at once (triggers below); this only bounds what another process's writes
 * to staff or sessions (none today) could leave stale.
 */
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 10_000;
const CLEAR_FN = 'auth_cache_clear';

const byStore = new WeakMap<Store, AuthCache>();

/**
 * Session + staff rows per bearer token, for the authenticated hot path: two SELECTs (~8 µs in
 * WAL mode) on every request were a third of a walk-in lookup's server time (P1 in BENCH.md).
 *
 * Correctness does not depend on callers remembering to invalidate: TEMP triggers on `staff` and
 * `sessions` call back into JS on every INSERT, UPDATE or DELETE made through this connection,
 * whatever code or SQL made it (logout, password reset, deactivation, lock, role change, session
 * touch), and clear the whole cache, before the writing statement even returns. A rolled-back
 * write only costs a spurious re-read. Expiry is checked by the caller against its own clock on
 * every request. Only successful look-ups are cached, so bad tokens always reach the database.
 */
export class AuthCache {
  private readonly entries = new Map<string, Cached>();
  /** The staffed counters as last read: valid from `from` until the earliest of their sessions expires. */
  private staffed: { ids: ReadonlySet<string>; from: number; until: number; readAt: number } | null = null;

  private constructor(
    private readonly sessions: SessionRepo,
    private readonly staff: StaffRepo,
  ) {}

  /** One cache per connection: the trigger callback is registered on the connection. */
  static for(store: Store, sessions: SessionRepo, staff: StaffRepo): AuthCache {
    let cache = byStore.get(store);
    if (!cache) {
      const c = new AuthCache(sessions, staff);
      const db = store.sqlite;
      db.function(CLEAR_FN, { deterministic: false }, () => {
        c.clear();
        return null;
      });
      for (const table of ['staff', 'sessions'])
        for (const op of ['INSERT', 'UPDATE', 'DELETE'])
          db.exec(
            `CREATE TEMP TRIGGER IF NOT EXISTS auth_cache_${table}_${op.toLowerCase()} AFTER ${op} ON main.${table}
             BEGIN SELECT ${CLEAR_FN}(); END`,
          );
      byStore.set(store, c);
      cache = c;
    }
    return cache;
  }

  /** The session and its staff row for `token` (`sessionId(token)` is the session's key). */
  get(token: string, sessionId: (token: string) => string): AuthLookup {
    const t = performance.now();
    const hit = this.entries.get(token);
    if (hit && t - hit.readAt < MAX_AGE_MS) return hit;
    const id = hit?.sessionId ?? sessionId(token);
    const session = this.sessions.get(id);
    const staff = session ? this.staff.byId(session.staff_id) : undefined;
    if (!session || !staff) {
      this.entries.delete(token);
      return { sessionId: id, session, staff };
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    // Shared by every request of the token until the next write: frozen, so no caller can change it.
    const entry: Cached = {
      sessionId: id,
      session: Object.freeze(session),
      staff: Object.freeze(staff),
      readAt: t,
    };
    this.entries.set(token, entry);
    return entry;
  }

  /**
   * The counters someone is signed in at (SessionRepo.staffedCounterIds), read on every ticket change (the board's
   * counters and every queue's wait estimate), three to five times an event: cached by the same rule as the
   * sessions (dropped by the triggers on any write to staff or sessions, re-read after MAX_AGE_MS), and only for
   * times from the read until the first of those sessions expires.
   */
  staffedCounters(now: number): ReadonlySet<string> {
    const t = performance.now();
    const s = this.staffed;
    if (s && now >= s.from && now < s.until && t - s.readAt < MAX_AGE_MS) return s.ids;
    const r = this.sessions.staffedCounterIds(now);
    this.staffed = { ids: r.ids, from: now, until: r.until, readAt: t };
    return r.ids;
  }

  clear(): void {
    this.entries.clear();
    this.staffed = null;
  }

  get size(): number {
    return this.entries.size;
  }
}
