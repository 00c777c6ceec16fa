import { sql, type Transaction } from 'kysely';
import type {
  HoCampaignRow,
  HoCardRow,
  HoCustomerRow,
  HoHoldingRow,
  HoProductRow,
  HoSettingsRow,
  HoSettingsSection,
} from '@shared/api/headoffice';
import type { Campaign } from '@shared/suggest/campaigns';
import type { HeadOfficeDb } from './connection';
import type { HoCustomerTable, HoDB } from './schema';

/**
 * Master data the head office hands down (customers with cards and balances, products,
 * campaigns, settings). Every change takes a new `rev` from one sequence; writers hold an
 * exclusive advisory lock for their whole transaction and a snapshot's high-water mark is read
 * under the shared lock, so no row can commit later with a rev below a mark already handed out.
 */
const MASTER_LOCK = 0x686f6d61;
const CHUNK = 500;

export type HoCustomerInput = Omit<HoCustomerRow, 'piiKeyId' | 'updatedAt'> & { updatedAt: number };

export interface MasterCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CUSTOMER_FIELDS = [
  'kind',
  'corporate_type',
  'name',
  'id_hash',
  'id_masked',
  'id_enc',
  'credit_code',
  'phone_hash',
  'phone_masked',
  'phone_enc',
  'birth_date',
  'gender',
  'segments',
  'lifecycle',
  'relationship_type',
  'corporate_grade',
  'risk_level',
  'risk_assessed_at',
  'marketing_consent',
  'aum_fen',
  'tier',
  'last_visit_at',
  'last_txn_at',
  'created_at',
] as const;

type CustomerCols = Pick<HoCustomerTable, (typeof CUSTOMER_FIELDS)[number]>;

function customerCols(c: HoCustomerInput): CustomerCols {
  return {
    kind: c.kind,
    corporate_type: c.corporateType,
    name: c.name,
    id_hash: c.idHash,
    id_masked: c.idMasked,
    id_enc: c.idEnc,
    credit_code: c.creditCode,
    phone_hash: c.phoneHash,
    phone_masked: c.phoneMasked,
    phone_enc: c.phoneEnc,
    birth_date: c.birthDate,
    gender: c.gender,
    segments: c.segments,
    lifecycle: c.lifecycle,
    relationship_type: c.relationshipType,
    corporate_grade: c.corporateGrade,
    risk_level: c.riskLevel,
    risk_assessed_at: c.riskAssessedAt,
    marketing_consent: c.marketingConsent,
    aum_fen: c.aumFen,
    tier: c.tier,
    last_visit_at: c.lastVisitAt,
    last_txn_at: c.lastTxnAt,
    created_at: c.createdAt,
  };
}

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

async function lockForWrite(trx: Transaction<HoDB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${MASTER_LOCK})`.execute(trx);
}

export class HoMaster {
  constructor(private readonly db: HeadOfficeDb) {}

  /**
   * Loads a branch's customers (each with its complete card and holding sets). Unchanged rows
   * keep their rev, so reloading the same data hands nothing new down.
   */
  async upsertCustomers(
    branchId: string,
    input: readonly HoCustomerInput[],
    piiKeyId: string | null,
  ): Promise<MasterCounts> {
    // One row per customer number (the last wins): ON CONFLICT may touch a row once per statement.
    const rows = [...new Map(input.map((r) => [r.customerNo, r])).values()];
    const counts: MasterCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const relink: HoCustomerInput[] = [];
    await this.db.k.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const existing = await this.customersByNo(
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
              rev: sql<number>`nextval('master_rev')`,
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
        const ids = changed.map((c) => c.id);
        await trx
          .deleteFrom('cards')
          .where('branch_id', '=', branchId)
          .where('customer_id', 'in', ids)
          .execute();
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
        for (const c of changed) {
          if (c.isNew) counts.inserted++;
          else counts.updated++;
        }
      }
      // Links last, when every customer of the load exists.
      await this.linkIn(trx, branchId, relink);
    });
    return counts;
  }

  /** Sets customer links by customer number (a later load may bring the linked customer). */
  async setLinks(
    branchId: string,
    pairs: readonly { customerNo: string; linkedCustomerNo: string | null }[],
  ): Promise<void> {
    await this.db.k.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      await this.linkIn(trx, branchId, pairs);
    });
  }

  private async linkIn(
    trx: Transaction<HoDB>,
    branchId: string,
    pairs: readonly { customerNo: string; linkedCustomerNo: string | null }[],
  ): Promise<void> {
    for (const r of pairs) {
      const target = sql<
        string | null
      >`(SELECT l.id FROM customers l WHERE l.branch_id = ${branchId} AND l.customer_no = ${r.linkedCustomerNo})`;
      await trx
        .updateTable('customers')
        .set({ linked_customer_id: target, rev: sql<number>`nextval('master_rev')` })
        .where('branch_id', '=', branchId)
        .where('customer_no', '=', r.customerNo)
        .where(sql<boolean>`linked_customer_id IS DISTINCT FROM ${target}`)
        .execute();
    }
  }

  private async customersByNo(
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
    const { cards, holdings } = await this.cardsAndHoldings(
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

  private async cardsAndHoldings(
    trx: Transaction<HoDB> | HeadOfficeDb['k'],
    branchId: string,
    ids: readonly string[],
  ): Promise<{ cards: Map<string, HoCardRow[]>; holdings: Map<string, HoHoldingRow[]> }> {
    const cards = new Map<string, HoCardRow[]>();
    const holdings = new Map<string, HoHoldingRow[]>();
    if (ids.length === 0) return { cards, holdings };
    const cardRows = await trx
      .selectFrom('cards')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('customer_id', 'in', ids)
      .orderBy('card_hash')
      .execute();
    for (const c of cardRows) {
      const list = cards.get(c.customer_id) ?? [];
      list.push({ cardHash: c.card_hash, cardMasked: c.card_masked, cardEnc: c.card_enc });
      cards.set(c.customer_id, list);
    }
    const holdingRows = await trx
      .selectFrom('holdings')
      .selectAll()
      .where('branch_id', '=', branchId)
      .where('customer_id', 'in', ids)
      .orderBy('id')
      .execute();
    for (const h of holdingRows) {
      const list = holdings.get(h.customer_id) ?? [];
      list.push({
        id: h.id,
        productType: h.product_type,
        productCode: h.product_code,
        balanceFen: h.balance_fen,
        asOf: h.as_of,
      });
      holdings.set(h.customer_id, list);
    }
    return { cards, holdings };
  }

  /** Bank-wide products by code (`branchId` null) or one branch's own. */
  async upsertProducts(
    input: readonly HoProductRow[],
    branchId: string | null,
    now: number,
  ): Promise<number> {
    const rows = [...new Map(input.map((p) => [p.code, p])).values()];
    let changed = 0;
    await this.db.k.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const r = await trx
          .insertInto('products')
          .values(
            rows.slice(i, i + CHUNK).map((p) => ({
              id: p.id,
              code: p.code,
              name_zh: p.nameZh,
              name_en: p.nameEn,
              type: p.type,
              risk_level: p.riskLevel,
              spec: p.spec,
              active: p.active,
              updated_at: p.updatedAt || now,
              branch_id: branchId,
              rev: sql<number>`nextval('master_rev')`,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet((eb) => ({
                name_zh: eb.ref('excluded.name_zh'),
                name_en: eb.ref('excluded.name_en'),
                type: eb.ref('excluded.type'),
                risk_level: eb.ref('excluded.risk_level'),
                spec: eb.ref('excluded.spec'),
                active: eb.ref('excluded.active'),
                updated_at: eb.ref('excluded.updated_at'),
                branch_id: eb.ref('excluded.branch_id'),
                rev: eb.ref('excluded.rev'),
              }))
              .where(
                sql<boolean>`(products.name_zh, products.name_en, products.type, products.risk_level, products.spec, products.active, products.branch_id)
                  IS DISTINCT FROM (excluded.name_zh, excluded.name_en, excluded.type, excluded.risk_level, excluded.spec, excluded.active, excluded.branch_id)`,
              ),
          )
          .returning('code')
          .execute();
        changed += r.length;
      }
    });
    return changed;
  }

  /** A campaign for every branch (`branchId` null) or one; `active` false withdraws it. */
  async putCampaign(
    campaign: Campaign,
    branchId: string | null,
    active: boolean,
    now: number,
  ): Promise<boolean> {
    return this.db.k.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      const r = await trx
        .insertInto('campaigns')
        .values({
          id: campaign.id,
          branch_id: branchId,
          spec: JSON.stringify(campaign),
          active: active ? 1 : 0,
          updated_at: now,
          rev: sql<number>`nextval('master_rev')`,
        })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({
              branch_id: eb.ref('excluded.branch_id'),
              spec: eb.ref('excluded.spec'),
              active: eb.ref('excluded.active'),
              updated_at: eb.ref('excluded.updated_at'),
              rev: eb.ref('excluded.rev'),
            }))
            .where(
              sql<boolean>`(campaigns.branch_id, campaigns.spec, campaigns.active) IS DISTINCT FROM (excluded.branch_id, excluded.spec, excluded.active)`,
            ),
        )
        .returning('id')
        .execute();
      return r.length === 1;
    });
  }

  /** A new head-office settings version; `config` holds whole sections (checked by the caller). */
  async publishSettings(
    config: Partial<Record<HoSettingsSection, unknown>>,
    branchId: string | null,
    by: string | null,
    note: string | null,
    now: number,
  ): Promise<number> {
    return this.db.k.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      const r = await trx
        .insertInto('settings')
        .values({
          branch_id: branchId,
          config: JSON.stringify(config),
          created_at: now,
          created_by: by,
          note,
          rev: sql<number>`nextval('master_rev')`,
        })
        .returning('version')
        .executeTakeFirstOrThrow();
      return r.version;
    });
  }

  /** The highest rev every committed change is at or below (waits for a writer in progress). */
  async highWater(): Promise<number> {
    return this.db.k.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock_shared(${MASTER_LOCK})`.execute(trx);
      const r = await sql<{
        v: number;
      }>`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM master_rev`.execute(trx);
      return r.rows[0]?.v ?? 0;
    });
  }

  async customersPage(
    branchId: string,
    range: { since: number; upTo: number },
    after: string,
    limit: number,
  ): Promise<HoCustomerRow[]> {
    const k = this.db.k;
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
    const { cards, holdings } = await this.cardsAndHoldings(
      k,
      branchId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      customerNo: r.customer_no,
      kind: r.kind,
      corporateType: r.corporate_type,
      name: r.name,
      idHash: r.id_hash,
      idMasked: r.id_masked,
      idEnc: r.id_enc,
      creditCode: r.credit_code,
      phoneHash: r.phone_hash,
      phoneMasked: r.phone_masked,
      phoneEnc: r.phone_enc,
      birthDate: r.birth_date,
      gender: r.gender,
      segments: r.segments,
      lifecycle: r.lifecycle,
      relationshipType: r.relationship_type,
      corporateGrade: r.corporate_grade,
      riskLevel: r.risk_level,
      riskAssessedAt: r.risk_assessed_at,
      marketingConsent: r.marketing_consent,
      linkedCustomerNo: r.linked_no,
      aumFen: r.aum_fen,
      tier: r.tier,
      lastVisitAt: r.last_visit_at,
      lastTxnAt: r.last_txn_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      piiKeyId: r.pii_key_id,
      cards: cards.get(r.id) ?? [],
      holdings: holdings.get(r.id) ?? [],
    }));
  }

  async productsPage(
    branchId: string,
    range: { since: number; upTo: number },
    after: string,
    limit: number,
  ): Promise<HoProductRow[]> {
    const rows = await this.db.k
      .selectFrom('products')
      .selectAll()
      .where((eb) => eb.or([eb('branch_id', 'is', null), eb('branch_id', '=', branchId)]))
      .where('rev', '>', range.since)
      .where('rev', '<=', range.upTo)
      .where('code', '>', after)
      .orderBy('code')
      .limit(limit)
      .execute();
    return rows.map((p) => ({
      id: p.id,
      code: p.code,
      nameZh: p.name_zh,
      nameEn: p.name_en,
      type: p.type,
      riskLevel: p.risk_level,
      spec: p.spec,
      active: p.active,
      updatedAt: p.updated_at,
    }));
  }

  async campaignsPage(
    branchId: string,
    range: { since: number; upTo: number },
    after: string,
    limit: number,
  ): Promise<HoCampaignRow[]> {
    const rows = await this.db.k
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
  async settingsFor(branchId: string, range: { since: number; upTo: number }): Promise<HoSettingsRow | null> {
    const latest = (scope: string | null) => {
      let q = this.db.k
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
    for (const p of parts) Object.assign(config, JSON.parse(p.config) as object);
    return {
      versions: parts.map((p) => p.version),
      config,
      note:
        parts
          .map((p) => p.note)
          .filter(Boolean)
          .join(' · ') || null,
    };
  }
}
