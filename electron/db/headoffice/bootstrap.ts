import type { HoCardRow, HoHoldingRow, HoProductRow } from '@shared/api/headoffice';
import type { Store } from '../connection';
import type { HoCustomerInput, HoMaster, MasterCounts } from './master';

const PAGE = 1000;

/**
 * The head office's first load of a branch: its customers (with cards and balances) and its
 * products, read from the branch's SQLite file and written to PostgreSQL. Running it again
 * changes only what differs. `piiKeyId` names the branch's PII key (pii-key.ts).
 */
export async function loadBranchDb(
  branch: Store,
  master: HoMaster,
  target: { branchId: string; piiKeyId: string | null; now: number },
): Promise<{ customers: MasterCounts; products: number }> {
  const customers: MasterCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const links: { customerNo: string; linkedCustomerNo: string | null }[] = [];
  const k = branch.k;
  let after = '';
  for (;;) {
    const rows = branch.all(
      k
        .selectFrom('customers as c')
        .leftJoin('customers as l', 'l.id', 'c.linked_customer_id')
        .selectAll('c')
        .select('l.customer_no as linked_no')
        .where('c.customer_no', '>', after)
        .orderBy('c.customer_no')
        .limit(PAGE),
    );
    const last = rows.at(-1);
    if (!last) break;
    after = last.customer_no;
    const ids = rows.map((r) => r.id);
    const cards = new Map<string, HoCardRow[]>();
    for (const c of branch.all(k.selectFrom('cards').selectAll().where('customer_id', 'in', ids))) {
      const list = cards.get(c.customer_id) ?? [];
      list.push({ cardHash: c.card_hash, cardMasked: c.card_masked, cardEnc: c.card_enc });
      cards.set(c.customer_id, list);
    }
    const holdings = new Map<string, HoHoldingRow[]>();
    for (const h of branch.all(k.selectFrom('holdings').selectAll().where('customer_id', 'in', ids))) {
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
    const input: HoCustomerInput[] = rows.map((r) => ({
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
      cards: cards.get(r.id) ?? [],
      holdings: holdings.get(r.id) ?? [],
    }));
    for (const r of input) if (r.linkedCustomerNo) links.push(r);
    const c = await master.upsertCustomers(target.branchId, input, target.piiKeyId);
    customers.inserted += c.inserted;
    customers.updated += c.updated;
    customers.unchanged += c.unchanged;
  }
  // A customer may link to one of a later page.
  await master.setLinks(target.branchId, links);
  const products: HoProductRow[] = branch
    .all(k.selectFrom('products').selectAll().orderBy('code'))
    .map((p) => ({
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
  return { customers, products: await master.upsertProducts(products, null, target.now) };
}
