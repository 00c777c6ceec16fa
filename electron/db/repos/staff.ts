import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import { staffFromRow, type StaffRecord } from '../convert/staff';
import type { SessionTable, StaffTable } from '../schema';

export class StaffRepo {
  /** Read on every authenticated request: prepared once, not built and compiled per call. */
  private readonly byIdStmt: Database.Statement<[string], StaffTable>;

  constructor(private readonly store: Store) {
    this.byIdStmt = store.sqlite.prepare<[string], StaffTable>('SELECT * FROM staff WHERE id = ?');
  }

  byUsername(username: string): StaffTable | undefined {
    return this.store.first(this.store.k.selectFrom('staff').selectAll().where('username', '=', username));
  }

  byId(id: string): StaffTable | undefined {
    return this.byIdStmt.get(id);
  }

  /** The account as the application works with it (see convert/staff.ts). */
  member(id: string): StaffRecord | undefined {
    const r = this.byId(id);
    return r && staffFromRow(r);
  }

  memberByUsername(username: string): StaffRecord | undefined {
    const r = this.byUsername(username);
    return r && staffFromRow(r);
  }

  members(): StaffRecord[] {
    return this.list().map(staffFromRow);
  }

  recordFailure(id: string, failedLogins: number, lockedUntil: number | null, now: number): void {
    this.store.run(
      this.store.k
        .updateTable('staff')
        .set({ failed_logins: failedLogins, locked_until: lockedUntil, updated_at: now })
        .where('id', '=', id),
    );
  }

  clearFailures(id: string, now: number): void {
    this.store.run(
      this.store.k
        .updateTable('staff')
        .set({ failed_logins: 0, locked_until: null, updated_at: now })
        .where('id', '=', id),
    );
  }

  insert(row: StaffTable): void {
    this.store.run(this.store.k.insertInto('staff').values(row));
  }

  list(): StaffTable[] {
    return this.store.all(this.store.k.selectFrom('staff').selectAll().orderBy('username'));
  }

  update(
    id: string,
    patch: Partial<Pick<StaffTable, 'display_name' | 'role' | 'counter_id' | 'active'>>,
    now: number,
  ): void {
    this.store.run(
      this.store.k
        .updateTable('staff')
        .set({ ...patch, updated_at: now })
        .where('id', '=', id),
    );
  }

  /** A new password also ends any lockout: the account holder (or an admin) has just proved who they are. */
  setPassword(id: string, passwordHash: string, now: number): void {
    this.store.run(
      this.store.k
        .updateTable('staff')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now })
        .where('id', '=', id),
    );
  }

  activeCountWithRole(role: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('staff')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('role', '=', role)
        .where('active', '=', 1),
    );
    return Number(r?.n ?? 0);
  }

  count(): number {
    const r = this.store.first(
      this.store.k.selectFrom('staff').select((e) => e.fn.countAll<number>().as('n')),
    );
    return Number(r?.n ?? 0);
  }
}

export class SessionRepo {
  private readonly getStmt: Database.Statement<[string], SessionTable>;
  private staffedStmt: Database.Statement<[number], { counter_id: string; expires_at: number }> | undefined;

  constructor(private readonly store: Store) {
    this.getStmt = store.sqlite.prepare<[string], SessionTable>('SELECT * FROM sessions WHERE id = ?');
  }

  insert(row: SessionTable): void {
    this.store.run(this.store.k.insertInto('sessions').values(row));
  }

  get(id: string): SessionTable | undefined {
    return this.getStmt.get(id);
  }

  touch(id: string, now: number): void {
    this.store.run(this.store.k.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id));
  }

  delete(id: string): void {
    this.store.run(this.store.k.deleteFrom('sessions').where('id', '=', id));
  }

  /**
   * The counters someone is signed in at now: those assigned to an active staff member with an unexpired session.
   * The wait estimate counts only these (a counter set up and open with nobody there serves no one). `until`: the
   * earliest expiry among those sessions (the answer holds until then, unless staff or sessions change).
   */
  staffedCounterIds(now: number): { ids: Set<string>; until: number } {
    this.staffedStmt ??= this.store.sqlite.prepare<[number], { counter_id: string; expires_at: number }>(
      `SELECT staff.counter_id AS counter_id, sessions.expires_at AS expires_at FROM sessions JOIN staff ON staff.id = sessions.staff_id
       WHERE sessions.expires_at > ? AND staff.active = 1 AND staff.counter_id IS NOT NULL`,
    );
    const ids = new Set<string>();
    let until = Infinity;
    for (const r of this.staffedStmt.all(now)) {
      ids.add(r.counter_id);
      until = Math.min(until, r.expires_at);
    }
    return { ids, until };
  }

  /** Ends a staff member's sessions (password reset, disabled account), optionally keeping one. */
  deleteForStaff(staffId: string, keep: string | null = null): number {
    let q = this.store.k.deleteFrom('sessions').where('staff_id', '=', staffId);
    if (keep) q = q.where('id', '!=', keep);
    return this.store.run(q).changes;
  }
}
