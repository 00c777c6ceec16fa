import type Database from 'better-sqlite3';
import type { HoCustomerRow, HoProductRow } from '@shared/api/headoffice';
import { classifyTier, type TierBand } from '@shared/customer/tier';
import type { HeadOfficeLinkFacts } from '@shared/sync/headoffice-link';
import type { Store } from '../connection';
import { CUSTOMER_FIELDS, customerCols } from '../headoffice/rows';
import { newId } from '../ids';
import { HeadOfficeBulkRepo } from './headoffice-bulk';
import type { CustomerTable, HoJournalRowTable } from '../schema';

export type HoJournalRow = Omit<HoJournalRowTable, 'seq'> & { seq: number };

export interface HoApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows left alone: their ID hash belongs to another customer number here. */
  conflicts: number;
  /** Rows whose hashes were made with another PII key: kept with masks only. */
  foreignKey: number;
}

const zero = (): HoApplyCounts => ({ inserted: 0, updated: 0, unchanged: 0, conflicts: 0, foreignKey: 0 });

/** Columns a head-office row sets on a branch customer (not id, customer_no, linked_customer_id). */
const COLS = [...CUSTOMER_FIELDS.filter((f) => f !== 'birth_date'), 'birth_month', 'updated_at'] as const;
type Cols = Pick<CustomerTable, Exclude<(typeof COLS)[number], 'birth_date'>>;

/**
 * The hub's side of the head-office link: its journal (filled by the triggers of migration
 * 0006), its cursors, and applying a snapshot page to the branch tables.
 */
export class HeadOfficeSyncRepo {
  private readonly byNo: Database.Statement<[string], CustomerTable>;
  private readonly hashOwner: Database.Statement<[string, string], { id: string }>;
  private readonly idTaken: Database.Statement<[string], { customer_no: string }>;
  private readonly cardsOf: Database.Statement<[string], { card_hash: string; card_masked: string }>;
  private readonly journalEnds: Database.Statement<[], { lo: number | null; hi: number | null }>;
  private readonly journalAt: Database.Statement<[number], number>;
  private readonly holdingsOf: Database.Statement<
    [string],
    { id: string; product_type: string; product_code: string | null; balance_fen: number; as_of: number }
  >;

  /** Bulk-journalled snapshots (migration 0031): what a bulk row stands for, and where its push got to. */
  readonly bulk: HeadOfficeBulkRepo;

  constructor(private readonly store: Store) {
    const db = store.sqlite;
    this.bulk = new HeadOfficeBulkRepo(store, {
      get: (key) => this.state(key),
      set: (key, value, now) => this.setState(key, value, now),
    });
    this.journalEnds = db.prepare(
      // Two subqueries: SQLite answers a lone min() or max() from the rowid's end, but both in one SELECT scan it all.
      'SELECT (SELECT min(seq) FROM ho_journal) AS lo, (SELECT max(seq) FROM ho_journal) AS hi',
    );
    this.journalAt = db.prepare<[number], number>('SELECT at FROM ho_journal WHERE seq = ?').pluck();
    this.byNo = db.prepare('SELECT * FROM customers WHERE customer_no = ?');
    this.hashOwner = db.prepare('SELECT id FROM customers WHERE id_hash = ? AND customer_no <> ?');
    this.idTaken = db.prepare('SELECT customer_no FROM customers WHERE id = ?');
    this.cardsOf = db.prepare(
      'SELECT card_hash, card_masked FROM cards WHERE customer_id = ? ORDER BY card_hash',
    );
    this.holdingsOf = db.prepare(
      'SELECT id, product_type, product_code, balance_fen, as_of FROM holdings WHERE customer_id = ? ORDER BY id',
    );
  }

  branchCode(): string | null {
    return this.store.first(this.store.k.selectFrom('branch').select('code').limit(1))?.code ?? null;
  }

  /** The oldest journal rows not yet acknowledged by the head office. */
  pending(limit: number): HoJournalRow[] {
    return this.store.all(this.store.k.selectFrom('ho_journal').selectAll().orderBy('seq').limit(limit));
  }

  /** Journal rows waiting, a bulk row counted as the snapshots it stands for. */
  pendingCount(): number {
    const r = this.store.first(
      this.store.k.selectFrom('ho_journal').select((e) => e.fn.countAll<number>().as('n')),
    );
    return Number(r?.n ?? 0) + this.bulk.extraPending();
  }

  /**
   * What the manager's banner needs, cheaply (it is read with every status poll): seq is AUTOINCREMENT and rows leave
   * only from the low end (ack), so the rows waiting are exactly max − min + 1, two index probes instead of a count.
   */
  journalFacts(): Omit<HeadOfficeLinkFacts, 'configured'> {
    const ends = this.journalEnds.get();
    const oldest = ends?.lo == null ? undefined : this.journalAt.get(ends.lo);
    const lastPush = Number(this.state('last_push_at') ?? NaN);
    return {
      pending: ends?.lo == null || ends.hi == null ? 0 : ends.hi - ends.lo + 1 + this.bulk.extraPending(),
      oldestPendingAt: oldest ?? null,
      lastPushAt: Number.isFinite(lastPush) ? lastPush : null,
      lastError: this.state('last_error') || null,
    };
  }

  /** The head office has everything up to `seq`: drop it from the journal and move the cursor. */
  ack(seq: number, now: number): void {
    this.store.tx(() => {
      this.store.run(this.store.k.deleteFrom('ho_journal').where('seq', '<=', seq));
      this.bulk.acked(seq);
      this.setState('push_seq', String(seq), now);
    });
  }

  state(key: string): string | null {
    return (
      this.store.first(this.store.k.selectFrom('ho_sync_state').select('value').where('key', '=', key))
        ?.value ?? null
    );
  }

  setState(key: string, value: string, now: number): void {
    this.store.run(
      this.store.k
        .insertInto('ho_sync_state')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now })),
    );
  }

  /**
   * Upserts customers by customer number, with their card and holding sets replaced by the head
   * office's, in one transaction. The tier is recomputed with this branch's bands. Applying the
   * same rows again changes nothing. Returns links whose target has not arrived yet.
   */
  applyCustomers(
    rows: readonly HoCustomerRow[],
    opts: { piiKeyId: string; bands: readonly TierBand[]; now: number },
  ): { counts: HoApplyCounts; links: { customerNo: string; linkedNo: string | null }[] } {
    const counts = zero();
    const links: { customerNo: string; linkedNo: string | null }[] = [];
    const db = this.store.sqlite;
    const insert = db.prepare(
      `INSERT INTO customers (id, customer_no, ${COLS.join(', ')}) VALUES (${['?', '?', ...COLS.map(() => '?')].join(', ')})`,
    );
    const update = db.prepare(`UPDATE customers SET ${COLS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    const delCards = db.prepare('DELETE FROM cards WHERE customer_id = ?');
    const putCard = db.prepare(
      `INSERT INTO cards (card_hash, customer_id, card_masked, card_enc) VALUES (?,?,?,?)
       ON CONFLICT (card_hash) DO UPDATE SET customer_id = excluded.customer_id, card_masked = excluded.card_masked,
         card_enc = excluded.card_enc`,
    );
    const delHoldings = db.prepare('DELETE FROM holdings WHERE customer_id = ?');
    const holdingIdOwner = db.prepare<[string], { customer_id: string }>(
      'SELECT customer_id FROM holdings WHERE id = ?',
    );
    const putHolding = db.prepare(
      'INSERT INTO holdings (id, customer_id, product_type, product_code, balance_fen, as_of) VALUES (?,?,?,?,?,?)',
    );
    const snapshot = db.prepare(
      `INSERT INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,NULL)
       ON CONFLICT (customer_id, as_of) DO UPDATE SET aum_fen = excluded.aum_fen, tier = excluded.tier`,
    );

    this.store.tx(() => {
      for (const r of rows) {
        const local = this.byNo.get(r.customerNo);
        const sameKey = r.piiKeyId !== null && r.piiKeyId === opts.piiKeyId;
        if (!sameKey) counts.foreignKey++;
        const { birth_date: birthDate, ...master } = customerCols(r);
        const cols: Cols = {
          ...master,
          // Only the year and month stay at the branch (migration 0007).
          birth_month: birthDate?.slice(0, 7) ?? null,
          // Hashes and ciphertexts made with another key are useless here: keep what the branch has.
          id_hash: sameKey ? r.idHash : (local?.id_hash ?? null),
          id_enc: sameKey ? r.idEnc : (local?.id_enc ?? null),
          phone_hash: sameKey ? r.phoneHash : (local?.phone_hash ?? null),
          phone_enc: sameKey ? r.phoneEnc : (local?.phone_enc ?? null),
          tier: classifyTier(r.aumFen, opts.bands).tier,
          // The branch's own visit record is newer than any head-office copy of it.
          last_visit_at: Math.max(local?.last_visit_at ?? 0, r.lastVisitAt ?? 0) || null,
          updated_at: r.updatedAt,
        };
        if (cols.id_hash && this.hashOwner.get(cols.id_hash, r.customerNo)) {
          counts.conflicts++;
          continue;
        }
        const cards = sameKey ? [...r.cards].sort((a, b) => (a.cardHash < b.cardHash ? -1 : 1)) : null;
        const holdings = [...r.holdings].sort((a, b) => (a.id < b.id ? -1 : 1));
        links.push({ customerNo: r.customerNo, linkedNo: r.linkedCustomerNo });

        if (local) {
          const sameCols = COLS.every((c) => c === 'updated_at' || local[c] === cols[c]);
          const oldCards = this.cardsOf.all(local.id);
          const sameCards =
            cards === null ||
            JSON.stringify(oldCards) ===
              JSON.stringify(cards.map((c) => ({ card_hash: c.cardHash, card_masked: c.cardMasked })));
          const oldHoldings = this.holdingsOf.all(local.id);
          const sameHoldings =
            JSON.stringify(
              oldHoldings.map((h) => [h.product_type, h.product_code, h.balance_fen, h.as_of]),
            ) === JSON.stringify(holdings.map((h) => [h.productType, h.productCode, h.balanceFen, h.asOf]));
          if (sameCols && sameCards && sameHoldings) {
            counts.unchanged++;
            continue;
          }
          update.run(...COLS.map((c) => cols[c]), local.id);
          if (!sameCards && cards) {
            delCards.run(local.id);
            for (const c of cards) putCard.run(c.cardHash, local.id, c.cardMasked, c.cardEnc);
          }
          if (!sameHoldings)
            this.replaceHoldings(local.id, holdings, delHoldings, holdingIdOwner, putHolding);
          if (local.aum_fen !== cols.aum_fen || local.tier !== cols.tier) {
            snapshot.run(local.id, latestAsOf(holdings, opts.now), cols.aum_fen, cols.tier);
          }
          counts.updated++;
        } else {
          const taken = this.idTaken.get(r.id);
          const id = taken ? newId() : r.id;
          insert.run(id, r.customerNo, ...COLS.map((c) => cols[c]));
          for (const c of cards ?? []) putCard.run(c.cardHash, id, c.cardMasked, c.cardEnc);
          this.replaceHoldings(id, holdings, delHoldings, holdingIdOwner, putHolding);
          snapshot.run(id, latestAsOf(holdings, opts.now), cols.aum_fen, cols.tier);
          counts.inserted++;
        }
      }
    });
    return { counts, links };
  }

  private replaceHoldings(
    customerId: string,
    holdings: HoCustomerRow['holdings'],
    del: Database.Statement,
    owner: Database.Statement<[string], { customer_id: string }>,
    put: Database.Statement,
  ): void {
    del.run(customerId);
    for (const h of holdings) {
      const id = owner.get(h.id) ? newId() : h.id;
      put.run(id, customerId, h.productType, h.productCode, h.balanceFen, h.asOf);
    }
  }

  /** Customer links (e.g. a company's legal representative) by customer number, once both exist. */
  applyLinks(links: readonly { customerNo: string; linkedNo: string | null }[]): number {
    const set = this.store.sqlite.prepare(
      `UPDATE customers SET linked_customer_id = (SELECT l.id FROM customers l WHERE l.customer_no = ?)
       WHERE customer_no = ? AND linked_customer_id IS NOT (SELECT l.id FROM customers l WHERE l.customer_no = ?)`,
    );
    let n = 0;
    this.store.tx(() => {
      for (const l of links) n += set.run(l.linkedNo, l.customerNo, l.linkedNo).changes;
    });
    return n;
  }

  /** Products by code; a new code keeps the head office's id unless it is taken here. */
  applyProducts(rows: readonly HoProductRow[], now: number): HoApplyCounts {
    const counts = zero();
    const db = this.store.sqlite;
    const byCode = db.prepare<
      [string],
      {
        id: string;
        name_zh: string;
        name_en: string;
        type: string;
        risk_level: number | null;
        spec: string;
        active: number;
      }
    >('SELECT id, name_zh, name_en, type, risk_level, spec, active FROM products WHERE code = ?');
    const idTaken = db.prepare<[string], { id: string }>('SELECT id FROM products WHERE id = ?');
    const insert = db.prepare(
      'INSERT INTO products (id, code, name_zh, name_en, type, risk_level, spec, active, updated_at) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    const update = db.prepare(
      'UPDATE products SET name_zh = ?, name_en = ?, type = ?, risk_level = ?, spec = ?, active = ?, updated_at = ? WHERE code = ?',
    );
    this.store.tx(() => {
      for (const p of rows) {
        const local = byCode.get(p.code);
        if (!local) {
          insert.run(
            idTaken.get(p.id) ? newId() : p.id,
            p.code,
            p.nameZh,
            p.nameEn,
            p.type,
            p.riskLevel,
            p.spec,
            p.active,
            p.updatedAt || now,
          );
          counts.inserted++;
        } else if (
          local.name_zh === p.nameZh &&
          local.name_en === p.nameEn &&
          local.type === p.type &&
          local.risk_level === p.riskLevel &&
          local.spec === p.spec &&
          local.active === p.active
        ) {
          counts.unchanged++;
        } else {
          update.run(p.nameZh, p.nameEn, p.type, p.riskLevel, p.spec, p.active, p.updatedAt || now, p.code);
          counts.updated++;
        }
      }
    });
    return counts;
  }
}

/** The balance date of a customer's holdings (their newest), or now when there are none. */
function latestAsOf(holdings: HoCustomerRow['holdings'], now: number): number {
  return holdings.reduce((m, h) => Math.max(m, h.asOf), 0) || now;
}
