import type { CounterView } from '@shared/api/queue';
import type { Store } from '../connection';
import { newId } from '../ids';
import type { CounterTable } from '../schema';

export type { CounterView };

export function toCounterView(r: CounterTable): CounterView {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    channel: r.channel,
    queues: JSON.parse(r.queues) as string[],
    corporateOnly: r.corporate_only === 1,
    open: r.open === 1,
    staffState: r.staff_state,
    breakReason: r.break_reason,
    stateSince: r.state_since,
  };
}

/**
 * Counters are read on every triage, call and ticket view but change a few times a day, so their rows are kept per
 * store and dropped on every write. Every write to `counters` must go through this repo and call `changed()`.
 */
const cache = new WeakMap<Store, CounterView[]>();

/** For bulk writers outside this repo (the demo seeder). */
export function countersChanged(store: Store): void {
  cache.delete(store);
}

export class CounterRepo {
  constructor(private readonly store: Store) {}

  all(): CounterView[] {
    let rows = cache.get(this.store);
    if (!rows) {
      rows = this.store
        .all(this.store.k.selectFrom('counters').selectAll().orderBy('number'))
        .map(toCounterView);
      cache.set(this.store, rows);
    }
    return rows.map((c) => ({ ...c, queues: [...c.queues] }));
  }

  get(id: string): CounterView | undefined {
    const c = this.all().find((x) => x.id === id);
    return c;
  }

  private changed(): void {
    countersChanged(this.store);
  }

  insert(
    c: Omit<CounterView, 'id' | 'breakReason' | 'stateSince'> & { branchId: string },
    now: number,
  ): string {
    const id = newId();
    this.store.run(
      this.store.k.insertInto('counters').values({
        id,
        branch_id: c.branchId,
        number: c.number,
        name: c.name,
        channel: c.channel,
        queues: JSON.stringify(c.queues),
        corporate_only: c.corporateOnly ? 1 : 0,
        open: c.open ? 1 : 0,
        staff_state: c.staffState,
        updated_at: now,
        state_since: now,
      }),
    );
    this.changed();
    return id;
  }

  branchId(): string {
    const r = this.store.first(this.store.k.selectFrom('branch').select('id').limit(1));
    if (!r) throw new Error('no branch');
    return r.id;
  }

  byNumber(number: number): CounterView | undefined {
    return this.all().find((x) => x.number === number);
  }

  /** The set-up of a service point (name, channel, queues it serves), as the branch manager edits it. */
  configure(
    id: string,
    patch: { name?: string; channel?: string; queues?: string[]; corporateOnly?: boolean },
    now: number,
  ): void {
    this.store.run(
      this.store.k
        .updateTable('counters')
        .set({
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.channel === undefined ? {} : { channel: patch.channel }),
          ...(patch.queues === undefined ? {} : { queues: JSON.stringify(patch.queues) }),
          ...(patch.corporateOnly === undefined ? {} : { corporate_only: patch.corporateOnly ? 1 : 0 }),
          updated_at: now,
        })
        .where('id', '=', id),
    );
    this.changed();
  }

  /**
   * Opens/closes a counter or changes its staff state, and logs the change (counter_states: minutes in state,
   * breaks and their reasons, idle with queue). A break keeps its reason until the staff state changes again.
   */
  setState(
    id: string,
    patch: { open?: boolean; staffState?: string; breakReason?: string | null },
    now: number,
    staffId: string | null = null,
  ): void {
    const before = this.get(id);
    if (!before) return;
    const open = patch.open ?? before.open;
    const staffState = patch.staffState ?? before.staffState;
    const breakReason =
      staffState !== 'break'
        ? null
        : patch.staffState === undefined
          ? before.breakReason
          : (patch.breakReason ?? null);
    this.store.run(
      this.store.k
        .updateTable('counters')
        .set({
          open: open ? 1 : 0,
          staff_state: staffState,
          break_reason: breakReason,
          state_since: open === before.open && staffState === before.staffState ? before.stateSince : now,
          updated_at: now,
        })
        .where('id', '=', id),
    );
    this.store.run(
      this.store.k.insertInto('counter_states').values({
        id: newId(),
        counter_id: id,
        at: now,
        open: open ? 1 : 0,
        staff_state: staffState,
        reason: breakReason,
        staff_id: staffId,
      }),
    );
    this.changed();
  }

  /** State changes of every counter from `from` on, and the last one before it (the state the period began in). */
  stateChanges(
    from: number,
  ): { counterId: string; at: number; open: boolean; staffState: string; reason: string | null }[] {
    const rows = this.store.sqlite
      .prepare<
        [number, number],
        { counter_id: string; at: number; open: number; staff_state: string; reason: string | null }
      >(
        `SELECT counter_id, at, open, staff_state, reason FROM counter_states WHERE at >= ?
         UNION ALL
         SELECT s.counter_id, s.at, s.open, s.staff_state, s.reason FROM counter_states s
           WHERE s.at = (SELECT max(at) FROM counter_states x WHERE x.counter_id = s.counter_id AND x.at < ?)
         ORDER BY at`,
      )
      .all(from, from);
    return rows.map((r) => ({
      counterId: r.counter_id,
      at: r.at,
      open: r.open === 1,
      staffState: r.staff_state,
      reason: r.reason,
    }));
  }
}
