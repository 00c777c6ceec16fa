import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from '../connection';
import type { NumberBlockTable } from '../schema';

/** Ticket-number blocks (shared/sync/blocks.ts) and the numbers used in them. */
export class NumberBlockRepo {
  /** Read at every ticket issued at the hub: prepared once (a query built and compiled per call cost ~0.1 ms). */
  private blocksStmt: Database.Statement<[string, string], NumberBlockTable> | undefined;

  constructor(private readonly store: Store) {}

  blocks(branchDay: string, queue: string, deviceId?: string): NumberBlockTable[] {
    if (deviceId) {
      return this.store.all(
        this.store.k
          .selectFrom('number_blocks')
          .selectAll()
          .where('branch_day', '=', branchDay)
          .where('queue', '=', queue)
          .where('device_id', '=', deviceId)
          .orderBy('start'),
      );
    }
    this.blocksStmt ??= this.store.sqlite.prepare<[string, string], NumberBlockTable>(
      'SELECT * FROM number_blocks WHERE branch_day = ? AND queue = ? ORDER BY start',
    );
    return this.blocksStmt.all(branchDay, queue);
  }

  /** A terminal whose hub went back to a copy gives up its blocks from `fromDay` on (the hub may not know them). */
  dropMine(deviceId: string, fromDay: string): number {
    return this.store.run(
      this.store.k
        .deleteFrom('number_blocks')
        .where('device_id', '=', deviceId)
        .where('branch_day', '>=', fromDay),
    ).changes;
  }

  forDevice(deviceId: string, fromDay: string): NumberBlockTable[] {
    return this.store.all(
      this.store.k
        .selectFrom('number_blocks')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('branch_day', '>=', fromDay)
        .orderBy('branch_day')
        .orderBy('queue')
        .orderBy('start'),
    );
  }

  insert(b: NumberBlockTable): void {
    this.store.run(
      this.store.k
        .insertInto('number_blocks')
        .values(b)
        .onConflict((oc) => oc.doNothing()),
    );
  }

  /**
   * Highest number of the day and queue outside every reserved block: the hub's own sequence. A ticket row keeps
   * the queue that issued it (a transferred ticket keeps its number there, repos/tickets.ts ISSUED_AS); numbers
   * printed today with `prefix` count too, so a prefix moved from one queue to another never repeats a number.
   */
  maxOutsideBlocks(branchDay: string, queue: string, prefix: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('tickets as t')
        .select((e) => e.fn.max<number>('t.number').as('n'))
        .where('t.branch_day', '=', branchDay)
        // The queue's own numbers (unique per day and queue, whatever prefix they were printed with) and any
        // printed today with this prefix: a prefix changed during the day neither collides nor repeats a number.
        .where(({ or, eb }) =>
          or([eb('t.queue', '=', queue), sql<boolean>`t.display_no GLOB ${prefix + '[0-9]*'}`]),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('number_blocks as b')
                .select('b.start')
                .whereRef('b.branch_day', '=', 't.branch_day')
                .where('b.queue', '=', queue)
                .whereRef('b.start', '<=', 't.number')
                .whereRef('b.end', '>=', 't.number'),
            ),
          ),
        ),
    );
    return Number(r?.n ?? 0);
  }

  /** Highest number used in [start, end] by a queue or with its prefix (null when none); see maxOutsideBlocks. */
  maxInRange(branchDay: string, queue: string, prefix: string, start: number, end: number): number | null {
    const r = this.store.first(
      this.store.k
        .selectFrom('tickets')
        .select((e) => e.fn.max<number>('number').as('n'))
        .where('branch_day', '=', branchDay)
        .where(({ or, eb }) =>
          or([eb('queue', '=', queue), sql<boolean>`display_no GLOB ${prefix + '[0-9]*'}`]),
        )
        .where('number', '>=', start)
        .where('number', '<=', end),
    );
    return r?.n === null || r?.n === undefined ? null : Number(r.n);
  }
}
