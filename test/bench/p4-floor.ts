/**
 * The floor of P4_import: the same CSV rows written into the same branch tables and indexes with plain
 * better-sqlite3 inserts, one transaction per file, and nothing else — no validation, no issue report,
 * no staging file, no hashing, no encryption (the raw number stands in the hash and cipher columns).
 * What the import costs above this is the price of its checks and its protection of personal data.
 * Runs in a child process like the import itself, against a copy of the same empty branch database.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { registerBulkSnapshots } from '../../electron/db/repos/ho-bulk-journal';

/** Lines of a file, read in 4 MB chunks (the fastest plain reader; the floor should not be slowed by I/O code). */
function* lines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(4 << 20);
  let rest = '';
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const parts = (rest + buf.toString('utf8', 0, n)).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Beijing calendar date YYYY-MM-DD → epoch ms of its midnight. */
function day(s: string): number | null {
  return s ? Date.parse(`${s}T00:00:00+08:00`) : null;
}

function fen(yuan: string): number {
  const [y = '0', f = ''] = yuan.split('.');
  return Number(y) * 100 + Number((f + '00').slice(0, 2));
}

/** Tier of a balance by the demo bands (the floor does not read the rules; the bands only pick a label). */
function tier(aum: number): string {
  if (aum >= 600_000_000) return 'private';
  if (aum >= 50_000_000) return 'high';
  if (aum >= 5_000_000) return 'mid';
  if (aum >= 100_000) return 'effective';
  return 'potential';
}

/**
 * Runs `fn` with the secondary indexes of `tables` dropped, then builds them again: how any plain bulk load into
 * an empty table is done (one sort per index instead of a million random B-tree inserts), and what the import's
 * own bulk mode does, so the floor is a fair one. A table given with columns (one that is only updated) loses only
 * the indexes holding one of them, as in the import (import-bulk.ts): rebuilding the customers' ID, phone and name
 * indexes after the holdings cost the floor ~3.7 s at a million customers that the import does not spend.
 */
function withIndexesRebuilt(
  db: Database.Database,
  tables: Record<string, readonly string[] | 'all'>,
  fn: () => void,
): void {
  const names = Object.keys(tables);
  const indexColumns = db.prepare('SELECT name FROM pragma_index_info(?)').pluck();
  const idx = (
    db
      .prepare(
        `SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${names.map(() => '?').join(',')})`,
      )
      .all(...names) as { name: string; tbl: string; sql: string }[]
  ).filter((i) => {
    const cols = tables[i.tbl];
    return cols === 'all' || (indexColumns.all(i.name) as string[]).some((c) => cols?.includes(c));
  });
  for (const i of idx) db.exec(`DROP INDEX "${i.name}"`);
  fn();
  for (const i of idx) db.exec(i.sql);
}

function floor(dbFile: string, customersCsv: string, holdingsCsv: string): void {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  const now = Date.now();
  const ids = new Map<string, string>();
  let seq = 0;
  const newId = () => `00000000-0000-7000-8000-${(seq++).toString(16).padStart(12, '0')}`;

  const insCustomer = db.prepare(
    `INSERT INTO customers (id, customer_no, kind, corporate_type, name, id_hash, id_masked, id_enc, credit_code,
       phone_hash, phone_masked, phone_enc, gender, segments, lifecycle, relationship_type, corporate_grade,
       marketing_consent, aum_fen, tier, last_visit_at, last_txn_at, created_at, updated_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,'potential',?,?,?,?)`,
  );
  const insCard = db.prepare(
    'INSERT INTO cards (card_hash, customer_id, card_masked, card_enc) VALUES (?,?,?,?)',
  );
  db.transaction(() =>
    withIndexesRebuilt(db, { customers: 'all', cards: 'all' }, () => {
      let first = true;
      for (const line of lines(customersCsv)) {
        if (first || !line) {
          first = false;
          continue;
        }
        const f = line.split(',');
        const id = newId();
        const no = f[0] ?? '';
        ids.set(no, id);
        const idNo = f[4] || null;
        const phone = f[6] || null;
        insCustomer.run(
          id,
          no,
          f[2],
          f[3] || null,
          f[1],
          idNo,
          idNo,
          idNo,
          f[5] || null,
          phone,
          phone,
          phone,
          f[8] || null,
          JSON.stringify(f[10] ? f[10].split(';') : []),
          'active',
          f[11],
          f[12] || null,
          f[13] === 'Y' ? 1 : 0,
          day(f[15] ?? ''),
          day(f[16] ?? ''),
          day(f[14] ?? '') ?? now,
          now,
        );
        for (const card of f[7] ? f[7].split(';') : []) insCard.run(card, id, card, card);
      }
    }),
  )();

  const insHolding = db.prepare(
    'INSERT INTO holdings (id, customer_id, product_type, product_code, balance_fen, as_of) VALUES (?,?,?,?,?,?)',
  );
  // Registered as a bulk import, as the import does at this size (ho-bulk-journal.ts): the journal gets one row for
  // the snapshots, not one each. The same rows written, so the same work.
  const importId = newId();
  const insSnapshot = db.prepare(
    'INSERT OR REPLACE INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,?)',
  );
  const setAum = db.prepare('UPDATE customers SET aum_fen = ?, tier = ?, updated_at = ? WHERE id = ?');
  db.transaction(() =>
    withIndexesRebuilt(
      db,
      { holdings: 'all', aum_snapshots: 'all', customers: ['aum_fen', 'tier', 'updated_at'] },
      () => {
        const aum = new Map<string, { fen: number; asOf: number }>();
        let first = true;
        for (const line of lines(holdingsCsv)) {
          if (first || !line) {
            first = false;
            continue;
          }
          const f = line.split(',');
          const customer = ids.get(f[0] ?? '');
          if (!customer) continue;
          const balance = fen(f[3] ?? '0');
          const asOf = day(f[4] ?? '') ?? now;
          insHolding.run(newId(), customer, f[1], f[2] || null, balance, asOf);
          const a = aum.get(customer);
          if (a) {
            a.fen += balance;
            a.asOf = Math.max(a.asOf, asOf);
          } else aum.set(customer, { fen: balance, asOf });
        }
        let asOfMin = Infinity;
        let asOfMax = -Infinity;
        for (const a of aum.values()) {
          asOfMin = Math.min(asOfMin, a.asOf);
          asOfMax = Math.max(asOfMax, a.asOf);
        }
        const journalled = registerBulkSnapshots(db, { importId, now, asOfMin, asOfMax });
        for (const [customer, a] of aum) {
          const t = tier(a.fen);
          insSnapshot.run(customer, a.asOf, a.fen, t, importId);
          setAum.run(a.fen, t, now, customer);
        }
        journalled(aum.size);
      },
    ),
  )();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// Child-process entry: `node --import tsx test/bench/p4-floor.ts <db> <customers.csv> <holdings.csv>`.
const [dbFile, customersCsv, holdingsCsv] = process.argv.slice(2);
if (dbFile && customersCsv && holdingsCsv) {
  const t0 = performance.now();
  floor(dbFile, customersCsv, holdingsCsv);
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000 }) + '\n');
}
