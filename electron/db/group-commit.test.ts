import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

let dir: string;
let db: Database.Database;
let other: Database.Database;
let failures: unknown[];
let group: GroupCommit;

/** As Store.tx: inline inside a group, its own transaction outside. */
const tx = <T>(fn: () => T): T => {
  const inline = group.inline(fn);
  return inline ? inline.value : db.transaction(fn).immediate();
};
const insert = (n: number) => db.prepare('INSERT INTO t (n) VALUES (?)').run(n);
const committed = () =>
  (other.prepare('SELECT n FROM t ORDER BY n').all() as { n: number }[]).map((r) => r.n);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
  db = new Database(join(dir, 'x.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE p (id INTEGER PRIMARY KEY);
    CREATE TABLE t (n INTEGER, p INTEGER REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)`);
  other = new Database(join(dir, 'x.db'));
  failures = [];
  group = new GroupCommit(db, (e) => failures.push(e));
});

afterEach(() => {
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GroupCommit', () => {
  it('runs the work of one turn in one transaction: nothing is visible to others until all of it is committed', async () => {
    const seen: number[][] = [];
    const runs = [1, 2, 3].map((n) =>
      group.run(() => {
        tx(() => insert(n));
        seen.push(committed());
        return n * 10;
      }),
    );
    expect(await Promise.all(runs)).toEqual([10, 20, 30]);
    // Run alone, the third would have seen the first two committed.
    expect(seen).toEqual([[], [], []]);
    expect(committed()).toEqual([1, 2, 3]);
    expect(group.largest).toBe(3);
  });

  it('a refused piece of work (nothing written) fails alone; what ran before and after it is kept', async () => {
    const results = await Promise.allSettled([
      group.run(() => tx(() => insert(1))),
      group.run(() =>
        tx(() => {
          throw new Error('refused');
        }),
      ),
      group.run(() => tx(() => insert(3))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual([1, 3]);
    expect(failures).toHaveLength(0);
  });

  it('a tx that throws after writing part of itself takes the whole group back and stops the server', async () => {
    const results = await Promise.allSettled([
      group.run(() => tx(() => insert(1))),
      group.run(() =>
        tx(() => {
          insert(2);
          throw new Error('half written');
        }),
      ),
      group.run(() => tx(() => insert(3))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(committed()).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(db.inTransaction).toBe(false);
    // The next group works again.
    await Promise.all([group.run(() => tx(() => insert(4))), group.run(() => tx(() => insert(5)))]);
    expect(committed()).toEqual([4, 5]);
  });

  it('a write that committed inside the work stays when the work throws afterwards, as it would alone', async () => {
    const results = await Promise.allSettled([
      group.run(() => {
        tx(() => insert(1));
        throw new Error('after the write');
      }),
      group.run(() => tx(() => insert(2))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(committed()).toEqual([1, 2]);
  });

  it('one piece of work alone runs in its own transaction, with nothing around it', async () => {
    let outer = true;
    await group.run(() => {
      outer = db.inTransaction;
      tx(() => insert(1));
    });
    expect(outer).toBe(false);
    expect(committed()).toEqual([1]);
  });

  it('a failed COMMIT answers none of the group as done and stops the server (the board is ahead of the file)', async () => {
    const results = await Promise.allSettled([
      group.run(() => tx(() => insert(1))),
      // A deferred foreign key is checked at COMMIT only: the group's COMMIT fails.
      group.run(() => tx(() => db.prepare('INSERT INTO t (n, p) VALUES (2, 99)').run())),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(failures).toHaveLength(1);
    expect(db.inTransaction).toBe(false);
    expect(committed()).toEqual([]);
  });

  it('work that arrives while a group runs goes in the next group', async () => {
    const order: string[] = [];
    const late: Promise<unknown>[] = [];
    await Promise.all([
      group.run(() => {
        order.push('a');
        late.push(group.run(() => order.push('c')));
      }),
      group.run(() => order.push('b')),
    ]);
    await Promise.all(late);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
