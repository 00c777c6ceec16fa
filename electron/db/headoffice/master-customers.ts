import { sql, type Kysely, type Transaction } from 'kysely';
import type { HoCardRow, HoCustomerRow, HoHoldingRow } from '@shared/api/headoffice';
import type { HeadOfficeDb } from './connection';
import { CHUNK, lockForWrite, nextRev } from './master-lock';
import {
  cardsByCustomer,
  CUSTOMER_FIELDS,
  customerCols,
  holdingsByCustomer,
  type CustomerCols,
} from './rows';
import type { HoDB } from './schema';

/** A branch's customers as the head office stores them: cards and holdings, complete sets. */
export type HoCustomerInput = Omit<HoCustomerRow, 'piiKeyId' | 'updatedAt'> & { updatedAt: number };

export interface MasterCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

type LinkPair = { customerNo: string; linkedCustomerNo: string | null };

/** Everything about a customer that a branch sees, in a stable order, for change detection. */
function fingerprint(
  cols: CustomerCols,
  linkedNo: string | null,
  piiKeyId: string | null,
  cards: readonly HoCardRow[],
  holdings: readonly HoHoldingRow[],
): string {
  const c = [...cards]
    .sort((a, b) => (a.cardHash < b.cardHash ? -1 : 1))
    .map((x) => [x.cardHash, x.cardMasked]);
  const h = [...holdings]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((x) => [x.id, x.productType, x.productCode, x.balanceFen, x.asOf]);
  return JSON.stringify([CUSTOMER_FIELDS.map((f) => cols[f]), linkedNo, piiKeyId, c, h]);
}

/**
 * Loads a branch's customers (each with its complete card and holding sets). Unchanged rows keep
 * their rev, so reloading the same data hands nothing new down.
 */
export async function upsertCustomers(
  db: HeadOfficeDb,
  branchId: string,
  input: readonly HoCustomerInput[],
  piiKeyId: string | null,
): Promise<MasterCounts> {
  // One row per customer number (the last wins): ON CONFLICT may touch a row once per statement.
  const rows = [...new Map(input.map((r) => [r.customerNo, r])).values()];
  const counts: MasterCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const relink: HoCustomerInput[] = [];
  await db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const existing = await customersByNo(
        trx,
        branchId,
        chunk.map((r) => r.customerNo),
      );
      const changed: { input: HoCustomerInput; id: string; isNew: boolean }[] = [];
      for (const r of chunk) {
        const old = existing.get(r.customerNo);
        const fp = fingerprint(customerCols(r), r.linkedCustomerNo, piiKeyId, r.cards, r.holdings);
        if (old && old.fp === fp) counts.unchanged++;
        else changed.push({ input: r, id: old?.id ?? r.id, isNew: !old });
      }
      relink.push(...changed.map((c) => c.input));
      if (changed.length === 0) continue;
      await trx
        .insertInto('customers')
        .values(
          changed.map(({ input, id }) => ({
            branch_id: branchId,
            id,
            customer_no: input.customerNo,
            ...customerCols(input),
            linked_customer_id: null,
            updated_at: input.updatedAt,
            pii_key_id: piiKeyId,
            rev: nextRev(),
          })),
        )
        .onConflict((oc) =>
          oc.columns(['branch_id', 'customer_no']).doUpdateSet((eb) => ({
            ...Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, eb.ref(`excluded.${f}`)])),
            updated_at: eb.ref('excluded.updated_at'),
            pii_key_id: eb.ref('excluded.pii_key_id'),
            rev: eb.ref('excluded.rev'),
          })),
        )
        .execute();
      await replaceCardsAndHoldings(trx, branchId, changed);
      for (const c of changed) {
        if (c.isNew) counts.inserted++;
        else counts.updated++;
      }
    }
    // Links last, when every customer of the load exists.
    await linkIn(trx, branchId, relink);
  });
  return counts;
}

async function replaceCardsAndHoldings(
  trx: Transaction<HoDB>,
  branchId: string,
  changed: readonly { input: HoCustomerInput; id: string }[],
): Promise<void> {
  const ids = changed.map((c) => c.id);
  await trx.deleteFrom('cards').where('branch_id', '=', branchId).where('customer_id', 'in', ids).execute();
  await trx
    .deleteFrom('holdings')
    .where('branch_id', '=', branchId)
    .where('customer_id', 'in', ids)
    .execute();
  const cards = changed.flatMap(({ input, id }) =>
    input.cards.map((c) => ({
      branch_id: branchId,
      card_hash: c.cardHash,
      customer_id: id,
      card_masked: c.cardMasked,
      card_enc: c.cardEnc,
    })),
  );
  for (let j = 0; j < cards.length; j += CHUNK) {
    await trx
      .insertInto('cards')
      .values(cards.slice(j, j + CHUNK))
      .onConflict((oc) =>
        oc.columns(['branch_id', 'card_hash']).doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          card_masked: eb.ref('excluded.card_masked'),
          card_enc: eb.ref('excluded.card_enc'),
        })),
      )
      .execute();
  }
  const holdings = changed.flatMap(({ input, id }) =>
    input.holdings.map((h) => ({
      branch_id: branchId,
      id: h.id,
      customer_id: id,
      product_type: h.productType,
      product_code: h.productCode,
      balance_fen: h.balanceFen,
      as_of: h.asOf,
    })),
  );
  for (let j = 0; j < holdings.length; j += CHUNK) {
    await trx
      .insertInto('holdings')
      .values(holdings.slice(j, j + CHUNK))
      .onConflict((oc) =>
        oc.columns(['branch_id', 'id']).doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          product_type: eb.ref('excluded.product_type'),
          product_code: eb.ref('excluded.product_code'),
          balance_fen: eb.ref('excluded.balance_fen'),
          as_of: eb.ref('excluded.as_of'),
        })),
      )
      .execute();
  }
}

/** Sets customer links by customer number (a later load may bring the linked customer). */
export async function setLinks(
  db: HeadOfficeDb,
  branchId: string,
  pairs: readonly LinkPair[],
): Promise<void> {
  await db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    await linkIn(trx, branchId, pairs);
  });
}

async function linkIn(trx: Transaction<HoDB>, branchId: string, pairs: readonly LinkPair[]): Promise<void> {
  for (const r of pairs) {
    const target = sql<
      string | null
    >`(SELECT l.id FROM customers l WHERE l.branch_id = ${branchId} AND l.customer_no = ${r.linkedCustomerNo})`;
    await trx
      .updateTable('customers')
      .set({ linked_customer_id: target, rev: nextRev() })
      .where('branch_id', '=', branchId)
      .where('customer_no', '=', r.customerNo)
      .where(sql<boolean>`linked_customer_id IS DISTINCT FROM ${target}`)
      .execute();
  }
}

async function customersByNo(
  trx: Transaction<HoDB>,
  branchId: string,
  nos: readonly string[],
): Promise<Map<string, { id: string; fp: string }>> {
  if (nos.length === 0) return new Map();
  const rows = await trx
    .selectFrom('customers as c')
    .leftJoin('customers as l', (j) =>
      j.onRef('l.branch_id', '=', 'c.branch_id').onRef('l.id', '=', 'c.linked_customer_id'),
    )
    .selectAll('c')
    .select('l.customer_no as linked_no')
    .where('c.branch_id', '=', branchId)
    .where('c.customer_no', 'in', nos)
    .execute();
  const { cards, holdings } = await cardsAndHoldings(
    trx,
    branchId,
    rows.map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [
      r.customer_no,
      {
        id: r.id,
        fp: fingerprint(r, r.linked_no, r.pii_key_id, cards.get(r.id) ?? [], holdings.get(r.id) ?? []),
      },
    ]),
  );
}

/** The cards and holdings of some of a branch's customers, by customer id. */
export async function cardsAndHoldings(
  q: Kysely<HoDB>,
  branchId: string,
  ids: readonly string[],
): Promise<{ cards: Map<string, HoCardRow[]>; holdings: Map<string, HoHoldingRow[]> }> {
  if (ids.length === 0) return { cards: new Map(), holdings: new Map() };
  const cardRows = await q
    .selectFrom('cards')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('customer_id', 'in', ids)
    .orderBy('card_hash')
    .execute();
  const holdingRows = await q
    .selectFrom('holdings')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('customer_id', 'in', ids)
    .orderBy('id')
    .execute();
  return { cards: cardsByCustomer(cardRows), holdings: holdingsByCustomer(holdingRows) };
}
