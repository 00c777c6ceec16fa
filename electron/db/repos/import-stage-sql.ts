/**
 * The staging file's tables and the statements that fill them, in one place: the stage opens the file with them
 * (import-stage.ts) and a large import's writer thread (import-stage-writer.ts) prepares the same inserts on a
 * connection of its own.
 */
import type { ImportKind } from '@shared/import/types';

export const STAGE_DDL: Record<ImportKind, string> = {
  customers: `
    CREATE TABLE customers (
      line INTEGER NOT NULL, id TEXT NOT NULL, is_new INTEGER NOT NULL, changed INTEGER NOT NULL,
      cards_changed INTEGER NOT NULL, link_changed INTEGER NOT NULL,
      customer_no TEXT NOT NULL, kind TEXT NOT NULL, corporate_type TEXT, name TEXT NOT NULL,
      id_hash TEXT, id_masked TEXT, id_enc TEXT, credit_code TEXT,
      phone_hash TEXT, phone_masked TEXT, phone_enc TEXT, birth_month TEXT, gender TEXT,
      segments TEXT NOT NULL, lifecycle TEXT NOT NULL, relationship_type TEXT NOT NULL, corporate_grade TEXT,
      marketing_consent INTEGER NOT NULL, created_at INTEGER NOT NULL, last_visit_at INTEGER, last_txn_at INTEGER,
      linked_no TEXT);
    CREATE TABLE cards (line INTEGER NOT NULL, customer_id TEXT NOT NULL, card_hash TEXT NOT NULL, card_masked TEXT NOT NULL);
    CREATE TABLE owners (line INTEGER NOT NULL, customer_id TEXT NOT NULL, owner_id TEXT, backup_id TEXT);`,
  holdings: `
    CREATE TABLE holdings (
      line INTEGER NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, product_type TEXT NOT NULL,
      product_code TEXT, balance_fen INTEGER NOT NULL, as_of INTEGER NOT NULL, aum INTEGER NOT NULL,
      maturity_at INTEGER);
    CREATE TABLE agg (
      customer_id TEXT PRIMARY KEY, line INTEGER NOT NULL, as_of INTEGER NOT NULL, min_as_of INTEGER NOT NULL,
      aum_fen INTEGER NOT NULL, n INTEGER NOT NULL, old_aum INTEGER NOT NULL, old_tier TEXT NOT NULL, cur_as_of INTEGER,
      same_as TEXT,
      mode TEXT GENERATED ALWAYS AS (CASE WHEN cur_as_of IS NULL OR as_of > cur_as_of THEN 'replace'
        WHEN as_of < cur_as_of THEN 'stale' ELSE coalesce(same_as, 'same') END) VIRTUAL) WITHOUT ROWID;`,
  products: `
    CREATE TABLE products (
      line INTEGER NOT NULL, id TEXT NOT NULL, code TEXT NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
      type TEXT NOT NULL, risk_level INTEGER, active INTEGER NOT NULL);`,
  risk: `
    CREATE TABLE risk (line INTEGER NOT NULL, customer_id TEXT NOT NULL, risk_level INTEGER NOT NULL, assessed_at INTEGER NOT NULL);`,
};

/** Tables every staging file has: the report's issues and each bad line once. */
export const ISSUE_DDL = `
  CREATE TABLE issues (line INTEGER NOT NULL, field TEXT, column_name TEXT, code TEXT NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL, value TEXT);
  CREATE TABLE bad_lines (line INTEGER PRIMARY KEY);`;

const values = (n: number) => `VALUES (${new Array(n).fill('?').join(',')})`;

/** The writes of the reading phase, by name; each takes its parameters as one array. */
const COMMON_WRITES = {
  issue: `INSERT INTO issues ${values(7)}`,
  badLine: 'INSERT OR IGNORE INTO bad_lines VALUES (?)',
  /** Keeps the issues of the first lines only (ImportStage.prune). */
  pruneIssues: 'DELETE FROM issues WHERE line > ?',
};

const KIND_WRITES = {
  customers: {
    customer: `INSERT INTO customers ${values(28)}`,
    card: `INSERT INTO cards ${values(4)}`,
    owner: `INSERT INTO owners ${values(4)}`,
  },
  holdings: {
    holding: `INSERT INTO holdings ${values(9)}`,
    holdingTotal: `INSERT INTO agg (customer_id, line, as_of, min_as_of, aum_fen, n, old_aum, old_tier, cur_as_of)
      ${values(9)} ON CONFLICT (customer_id) DO UPDATE SET aum_fen = aum_fen + excluded.aum_fen,
        n = n + excluded.n, as_of = max(as_of, excluded.as_of), min_as_of = min(min_as_of, excluded.min_as_of)`,
  },
  products: { product: `INSERT INTO products ${values(8)}` },
  risk: { risk: `INSERT INTO risk ${values(4)}` },
} as const;

type KindWrite<K> = K extends keyof typeof KIND_WRITES ? keyof (typeof KIND_WRITES)[K] : never;
export type StageWrite = keyof typeof COMMON_WRITES | KindWrite<ImportKind>;

/** The writes a staging file of `kind` takes, name → SQL. */
export function stageWrites(kind: ImportKind): Partial<Record<StageWrite, string>> {
  return { ...COMMON_WRITES, ...KIND_WRITES[kind] };
}
