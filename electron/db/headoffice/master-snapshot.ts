import { sql } from 'kysely';
import type {
  HoCampaignRow,
  HoCustomerRow,
  HoProductRow,
  HoSettingsRow,
  HoSettingsSection,
} from '@shared/api/headoffice';
import type { Campaign } from '@shared/suggest/campaigns';
import type { HeadOfficeDb } from './connection';
import { cardsAndHoldings } from './master-customers';
import { lockForRead } from './master-lock';
import { customerFromRow, productFromRow } from './rows';

/**
 * What a branch's snapshot pull reads: the pages of master data whose rev lies in
 * (since, upTo], and the high-water mark that bounds a pull.
 */

/** The highest rev every committed change is at or below (waits for a writer in progress). */
export async function highWater(db: HeadOfficeDb): Promise<number> {
  return db.k.transaction().execute(async (trx) => {
    await lockForRead(trx);
    const r = await sql<{
      v: number;
    }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM master_rev`.execute(trx);
    return r.rows[0]?.v ?? 0;
  });
}

export async function customersPage(
  db: HeadOfficeDb,
  branchId: string,
  range: { since: number; upTo: number },
  after: string,
  limit: number,
): Promise<HoCustomerRow[]> {
  const k = db.k;
  const rows = await k
    .selectFrom('customers as c')
    .leftJoin('customers as l', (j) =>
      j.onRef('l.branch_id', '=', 'c.branch_id').onRef('l.id', '=', 'c.linked_customer_id'),
    )
    .selectAll('c')
    .select('l.customer_no as linked_no')
    .where('c.branch_id', '=', branchId)
    .where('c.rev', '>', range.since)
    .where('c.rev', '<=', range.upTo)
    .where('c.customer_no', '>', after)
    .orderBy('c.customer_no')
    .limit(limit)
    .execute();
  const { cards, holdings } = await cardsAndHoldings(
    k,
    branchId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...customerFromRow(r, cards.get(r.id) ?? [], holdings.get(r.id) ?? []),
    piiKeyId: r.pii_key_id,
  }));
}

export async function productsPage(
  db: HeadOfficeDb,
  branchId: string,
  range: { since: number; upTo: number },
  after: string,
  limit: number,
): Promise<HoProductRow[]> {
  const rows = await db.k
    .selectFrom('products')
    .selectAll()
    .where((eb) => eb.or([eb('branch_id', 'is', null), eb('branch_id', '=', branchId)]))
    .where('rev', '>', range.since)
    .where('rev', '<=', range.upTo)
    .where('code', '>', after)
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map(productFromRow);
}

export async function campaignsPage(
  db: HeadOfficeDb,
  branchId: string,
  range: { since: number; upTo: number },
  after: string,
  limit: number,
): Promise<HoCampaignRow[]> {
  const rows = await db.k
    .selectFrom('campaigns')
    .selectAll()
    .where((eb) => eb.or([eb('branch_id', 'is', null), eb('branch_id', '=', branchId)]))
    .where('rev', '>', range.since)
    .where('rev', '<=', range.upTo)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((c) => ({ id: c.id, active: c.active === 1, campaign: JSON.parse(c.spec) as Campaign }));
}

/**
 * The settings in force for a branch: the newest global version with the branch's own newest
 * laid over it section by section. Null when neither changed within the range.
 */
export async function settingsFor(
  db: HeadOfficeDb,
  branchId: string,
  range: { since: number; upTo: number },
): Promise<HoSettingsRow | null> {
  const latest = (scope: string | null) => {
    let q = db.k
      .selectFrom('settings')
      .selectAll()
      .where('rev', '<=', range.upTo)
      .orderBy('version', 'desc')
      .limit(1);
    q = scope === null ? q.where('branch_id', 'is', null) : q.where('branch_id', '=', scope);
    return q.executeTakeFirst();
  };
  const parts = [await latest(null), await latest(branchId)].filter((p) => p !== undefined);
  if (!parts.some((p) => p.rev > range.since)) return null;
  const config: Partial<Record<HoSettingsSection, unknown>> = {};
  // Which part a section comes from decides whether it is mandatory (the branch's own part wins, as for values).
  const mandatory = new Map<string, boolean>();
  for (const p of parts) {
    const part = JSON.parse(p.config) as Record<string, unknown>;
    Object.assign(config, part);
    for (const k of Object.keys(part)) mandatory.set(k, p.mandatory === 1);
  }
  return {
    mandatory: [...mandatory].filter(([, m]) => m).map(([k]) => k as HoSettingsSection),
    versions: parts.map((p) => p.version),
    config,
    note:
      parts
        .map((p) => p.note)
        .filter(Boolean)
        .join(' · ') || null,
  };
}
