import type { HoCardRow, HoCustomerRow, HoHoldingRow, HoProductRow } from '@shared/api/headoffice';
import type { CardTable, CustomerTable, HoldingTable, ProductTable } from '../schema';

/**
 * Master-data rows between their table shape and the head-office wire shape. The branch's SQLite
 * and the head office's PostgreSQL share these column names (headoffice/schema.ts), so the head
 * office's snapshot pages, its first load of a branch file (bootstrap.ts) and a hub applying a
 * snapshot (repos/headoffice-sync.ts) all convert the same way.
 */

/** The customer columns master data carries (not id, customer_no, linked_customer_id, updated_at). */
export const CUSTOMER_FIELDS = [
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

/** The head office keeps the full birth date; a branch only its year and month (migration 0007). */
export type CustomerCols = Pick<CustomerTable, Exclude<(typeof CUSTOMER_FIELDS)[number], 'birth_date'>> & {
  birth_date: string | null;
};

/** A customer without the key fingerprint, which only the head office's table holds. */
export type CustomerRowNoKey = Omit<HoCustomerRow, 'piiKeyId'>;

export function customerCols(c: Omit<CustomerRowNoKey, 'cards' | 'holdings'>): CustomerCols {
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

/** A customer row (with its linked customer's number joined in) and its cards and holdings. */
export function customerFromRow(
  r: Omit<CustomerTable, 'birth_month'> & {
    linked_no: string | null;
    birth_date?: string | null;
    birth_month?: string | null;
  },
  cards: HoCardRow[],
  holdings: HoHoldingRow[],
): CustomerRowNoKey {
  return {
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
    // A head-office row has the full date; a branch file (bootstrap) only the year and month.
    birthDate: r.birth_date ?? r.birth_month ?? null,
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
    cards,
    holdings,
  };
}

/** Card rows by customer id, in the order read. */
export function cardsByCustomer(rows: readonly CardTable[]): Map<string, HoCardRow[]> {
  const out = new Map<string, HoCardRow[]>();
  for (const c of rows) {
    const list = out.get(c.customer_id) ?? [];
    list.push({ cardHash: c.card_hash, cardMasked: c.card_masked, cardEnc: c.card_enc });
    out.set(c.customer_id, list);
  }
  return out;
}

/** Holding rows by customer id, in the order read. */
export function holdingsByCustomer(rows: readonly HoldingTable[]): Map<string, HoHoldingRow[]> {
  const out = new Map<string, HoHoldingRow[]>();
  for (const h of rows) {
    const list = out.get(h.customer_id) ?? [];
    list.push({
      id: h.id,
      productType: h.product_type,
      productCode: h.product_code,
      balanceFen: h.balance_fen,
      asOf: h.as_of,
    });
    out.set(h.customer_id, list);
  }
  return out;
}

export function productFromRow(p: ProductTable): HoProductRow {
  return {
    id: p.id,
    code: p.code,
    nameZh: p.name_zh,
    nameEn: p.name_en,
    type: p.type,
    riskLevel: p.risk_level,
    spec: p.spec,
    active: p.active,
    updatedAt: p.updated_at,
  };
}
