/**
 * What the demo generator (generate.ts), its holdings (holdings.ts) and its showcase customers
 * (showcase.ts) share, in a module of its own so none of them imports another back.
 */
import type {
  CorporateGrade,
  CorporateType,
  CustomerKind,
  ProductType,
  RelationshipType,
  RiskLevel,
  Segment,
} from '../../../shared/customer/enums';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;
/** The branch keeps Beijing time (no DST): birthdays and the daily balance cut-off use it. */
export const BRANCH_UTC_OFFSET = 8 * HOUR;

export interface DemoHolding {
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
}

export interface DemoCustomer {
  customerNo: string;
  kind: CustomerKind;
  corporateType: CorporateType | null;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string;
  cards: string[];
  birthDate: string | null;
  gender: 'M' | 'F' | null;
  segments: Segment[];
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  riskLevel: RiskLevel | null;
  riskAssessedAt: number | null;
  marketingConsent: boolean;
  linkedCustomerNo: string | null;
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
  holdings: DemoHolding[];
}
