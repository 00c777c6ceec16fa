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

  insert(c: Omit<CounterView, 'id'> & { branchId: string }, now: number): string {
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

  setState(id: string, patch: { open?: boolean; staffState?: string }, now: number): void {
    this.store.run(
      this.store.k
        .updateTable('counters')
        .set({
          ...(patch.open === undefined ? {} : { open: patch.open ? 1 : 0 }),
          ...(patch.staffState === undefined ? {} : { staff_state: patch.staffState }),
          updated_at: now,
        })
        .where('id', '=', id),
    );
    this.changed();
  }
}
