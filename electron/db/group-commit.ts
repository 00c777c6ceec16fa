import type Database from 'better-sqlite3';

interface Pending {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for the busiest writes (ticket events at the counters, P3 in BENCH.md). Each request's work is run
 * at the end of the event-loop turn that received it, together with the other requests that arrived in the same
 * turn, inside ONE transaction: every event still writes its own rows (its own `Store.tx` becomes a savepoint, so
 * it stays all-or-nothing and a refused one leaves the others alone), but the ~15 B-tree pages an event touches are
 * written to the WAL once per group instead of once per event, which is most of what an event costs.
 *
 * Nothing is answered before its group is committed: the caller's promise settles after COMMIT. Work runs in the
 * order it arrived, synchronously, so it sees exactly what it would have seen run on its own. A single waiting
 * request runs as it always did (its own transaction), so a quiet branch pays nothing.
 *
 * If the COMMIT itself fails (disk full, I/O error) the in-memory board has already moved past the database: no
 * reply goes out as success, and the process is stopped (`onCommitFailure`) so that it restarts from what the
 * database holds, as after a crash.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  /** The largest group so far (for the bench's log and the tests). */
  largest = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly onCommitFailure: (err: unknown) => void = (err) => {
      // Thrown outside any request, so nothing catches it: the process stops (the Electron host logs and restarts it).
      process.nextTick(() => {
        throw new Error('a group of ticket writes failed to commit; stopping to restart from the database', {
          cause: err,
        });
      });
    },
  ) {}

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.pending;
    this.pending = [];
    this.largest = Math.max(this.largest, group.length);
    const only = group.length === 1 ? group[0] : undefined;
    if (only) {
      try {
        only.resolve(only.fn());
      } catch (e) {
        only.reject(e);
      }
      return;
    }
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
    } catch (e) {
      // Nothing ran (the write lock stayed taken past the busy timeout): each request fails as it would alone.
      for (const p of group) p.reject(e);
      return;
    }
    const settled = group.map((p) => {
      try {
        return { p, ok: true as const, value: p.fn() };
      } catch (error) {
        return { p, ok: false as const, error };
      }
    });
    try {
      this.sqlite.exec('COMMIT');
    } catch (e) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      for (const p of group) p.reject(e);
      this.onCommitFailure(e);
      return;
    }
    for (const s of settled) {
      if (s.ok) s.p.resolve(s.value);
      else s.p.reject(s.error);
    }
  }
}
