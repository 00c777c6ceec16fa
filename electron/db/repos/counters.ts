import type { Store } from '../connection';
import { newId } from '../ids';
import type { CounterTable } from '../schema';

export interface CounterView {
  id: string;
  number: number;
  name: string;
  channel: string;
  queues: string[];
  corporateOnly: boolean;
  open: boolean;
  staffState: string;
}

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

export class CounterRepo {
  constructor(private readonly store: Store) {}

  all(): CounterView[] {
    return this.store
      .all(this.store.k.selectFrom('counters').selectAll().orderBy('number'))
      .map(toCounterView);
  }

  get(id: string): CounterView | undefined {
    const r = this.store.first(this.store.k.selectFrom('counters').selectAll().where('id', '=', id));
    return r ? toCounterView(r) : undefined;
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
    return id;
  }

  branchId(): string {
    const r = this.store.first(this.store.k.selectFrom('branch').select('id').limit(1));
    if (!r) throw new Error('no branch');
    return r.id;
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
  }
}
