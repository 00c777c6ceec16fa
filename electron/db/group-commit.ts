import type Database from 'better-sqlite3';

interface Pending {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for the busiest writes (ticket events at the counters, P3 in BENCH.md). Each request's work is run
 * at the end of the event-loop turn that received it, together with the other requests that arrived in the same
 * turn, inside ONE transaction, so the ~15 B-tree pages an event touches go to the WAL once per group instead of
 * once per event, which was most of what an event cost.
 *
 * Nothing is answered before its group is committed: the caller's promise settles after COMMIT. Work runs in the
 * order it arrived, synchronously, so it sees exactly what it would have seen run on its own. A single waiting
 * request runs as it always did (its own transaction), so a quiet branch pays nothing.
 *
 * Inside a group, `Store.tx` runs its function inline, without a savepoint: a savepoint copies every page it
 * touches that the group already changed into SQLite's sub-journal, which spills to a temp file past 64 KiB — per
 * event, about what the group saves. What a savepoint was for is kept by a check instead: a piece of work that
 * throws having written nothing (a refusal: a 4xx, the normal case) simply fails alone; one that throws after
 * writing part of a `tx` would leave that part in the group, so the whole group is rolled back instead.
 *
 * Either way — that, or a COMMIT that fails (disk full, I/O error) — the in-memory board has already moved past the
 * database: no reply goes out as success, and the process is stopped (`onCommitFailure`) so that it restarts from
 * what the database holds, as after a crash.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  private inGroup = false;
  private broken: unknown = null;
  private readonly changes: Database.Statement<[], number>;
  /** The largest group so far (for the bench's log and the tests). */
  largest = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly onCommitFailure: (err: unknown) => void = (err) => {
      // Thrown outside any request, so nothing catches it: the process stops (in the desktop app the host logs it and
      // says the branch server stopped; started again, the board is rebuilt from the database).
      process.nextTick(() => {
        throw new Error('a group of ticket writes failed to commit; stopping to restart from the database', {
          cause: err,
        });
      });
    },
  ) {
    this.changes = sqlite.prepare<[], number>('SELECT total_changes()').pluck();
  }

  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Inside a group, a `tx` runs inline (see above); outside, undefined: the caller opens its own transaction. */
  inline<T>(fn: () => T): { value: T } | undefined {
    if (!this.inGroup) return undefined;
    const before = this.changes.get();
    try {
      return { value: fn() };
    } catch (e) {
      if (this.changes.get() !== before) this.broken ??= e;
      throw e;
    }
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
    this.inGroup = true;
    this.broken = null;
    let settled: { p: Pending; ok: boolean; value?: unknown; error?: unknown }[];
    try {
      settled = group.map((p) => {
        try {
          return { p, ok: true, value: p.fn() };
        } catch (error) {
          return { p, ok: false, error };
        }
      });
    } finally {
      this.inGroup = false;
    }
    try {
      if (this.broken !== null) throw this.broken;
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
