import {
  CORPORATE_GRADES,
  CORPORATE_TYPES,
  CUSTOMER_KINDS,
  PRODUCT_TYPES,
  RELATIONSHIP_TYPES,
  RISK_LEVELS,
  SEGMENTS,
  type CorporateGrade,
  type CorporateType,
  type CustomerKind,
  type ProductType,
  type RelationshipType,
  type RiskLevel,
  type Segment,
} from '@shared/customer/enums';
import type { CustomerTable, HoldingTable } from '../schema';

/**
 * Customers, holdings: stored rows → domain values, once, here. Enum columns are checked against the shared
 * vocabulary instead of cast: the importer and the sync applier only write known values, so a value outside it is a
 * corrupt row and says so, rather than flowing on as a wrongly typed string.
 */

/** What a lookup lists (the summary columns). */
export interface CustomerBrief {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
  aumFen: number;
  segments: Segment[];
  /** An enterprise's grade (strategic / key / general) and its unified social credit code; null for a person. */
  corporateGrade: CorporateGrade | null;
  creditCode: string | null;
}

/** A whole customer record. The tier is not here: it follows from `aumFen` and the branch's current bands. */
export interface Customer extends CustomerBrief {
  corporateType: CorporateType | null;
  creditCode: string | null;
  /** `YYYY-MM` (the full date is not kept at rest); ages from it are conservative, see shared/customer/age.ts. */
  birthMonth: string | null;
  gender: 'M' | 'F' | null;
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  riskLevel: RiskLevel | null;
  riskAssessedAt: number | null;
  marketingConsent: boolean;
  linkedCustomerId: string | null;
  /** Encrypted full values (PII at rest); only the reveal route decrypts them. */
  idEnc: string | null;
  phoneEnc: string | null;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
  createdAt: number;
}

export interface Holding {
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
}

function member<T extends string | number>(
  values: readonly T[],
  v: string | number,
  what: string,
  id: string,
): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Error(`customer ${id}: unknown ${what} ${JSON.stringify(v)}`);
  return found;
}

function optional<T extends string | number>(
  values: readonly T[],
  v: string | number | null,
  what: string,
  id: string,
): T | null {
  return v === null ? null : member(values, v, what, id);
}

function segmentsOf(json: string, id: string): Segment[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error(`customer ${id}: segments is not a list`);
  return parsed.map((s: unknown) => member(SEGMENTS, String(s), 'segment', id));
}

const GENDERS = ['M', 'F'] as const;

/** The summary columns of a customer row (see CustomerRepo's lookups). */
export type CustomerBriefRow = Pick<
  CustomerTable,
  | 'id'
  | 'customer_no'
  | 'kind'
  | 'name'
  | 'id_masked'
  | 'phone_masked'
  | 'aum_fen'
  | 'segments'
  | 'corporate_grade'
  | 'credit_code'
>;

export function customerBriefFromRow(row: CustomerBriefRow): CustomerBrief {
  return {
    id: row.id,
    customerNo: row.customer_no,
    kind: member(CUSTOMER_KINDS, row.kind, 'kind', row.id),
    name: row.name,
    idMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    aumFen: row.aum_fen,
    segments: segmentsOf(row.segments, row.id),
    corporateGrade: optional(CORPORATE_GRADES, row.corporate_grade, 'corporate grade', row.id),
    creditCode: row.credit_code,
  };
}

export function customerFromRow(row: CustomerTable): Customer {
  const id = row.id;
  return {
    ...customerBriefFromRow(row),
    corporateType: optional(CORPORATE_TYPES, row.corporate_type, 'corporate type', id),
    creditCode: row.credit_code,
    birthMonth: row.birth_month,
    gender: optional(GENDERS, row.gender, 'gender', id),
    relationshipType: member(RELATIONSHIP_TYPES, row.relationship_type, 'relationship type', id),
    corporateGrade: optional(CORPORATE_GRADES, row.corporate_grade, 'corporate grade', id),
    riskLevel: optional(RISK_LEVELS, row.risk_level, 'risk level', id),
    riskAssessedAt: row.risk_assessed_at,
    marketingConsent: row.marketing_consent === 1,
    linkedCustomerId: row.linked_customer_id,
    idEnc: row.id_enc,
    phoneEnc: row.phone_enc,
    lastVisitAt: row.last_visit_at,
    lastTxnAt: row.last_txn_at,
    createdAt: row.created_at,
  };
}

export function holdingFromRow(row: HoldingTable): Holding {
  return {
    productType: member(PRODUCT_TYPES, row.product_type, 'product type', row.customer_id),
    productCode: row.product_code,
    balanceFen: row.balance_fen,
    asOf: row.as_of,
  };
}
