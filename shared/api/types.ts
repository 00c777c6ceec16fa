import type {
  CorporateGrade,
  CorporateType,
  CustomerKind,
  Lifecycle,
  ProductType,
  RelationshipType,
  Segment,
} from '../customer/enums';
import type { TierKey } from '../customer/tier';

/** Shapes the server returns; the renderer's API client is typed with these. */

export interface ApiErrorBody {
  error: { code: string; message: string; zh: string; en: string; details?: unknown };
}

export interface Health {
  status: 'ok';
  version: string;
  schemaVersion: string;
  role: string;
  /** demo: seeded demo branch and logins; production: real staff only. */
  mode: 'demo' | 'production';
  /** No staff account exists yet: the first start asks for an admin (POST /api/setup). */
  needsSetup: boolean;
}

export type Role = 'teller' | 'lobby' | 'rm' | 'manager' | 'admin' | 'display';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  counterId: string | null;
}

export interface TierInfo {
  tier: TierKey;
  label: { zh: string; en: string };
  next: { tier: TierKey; label: { zh: string; en: string }; gapFen: number } | null;
}

export interface CustomerSummary {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  idMasked: string | null;
  phoneMasked: string | null;
  aumFen: number;
  tier: TierInfo;
  segments: Segment[];
  /** An enterprise is graded strategic / key / general, not by AUM tier; null for a person. */
  corporateGrade: CorporateGrade | null;
  /** An enterprise's unified social credit code (public, not PII); null for a person. */
  creditCode: string | null;
}

export interface HoldingView {
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
}

export interface CustomerProfile extends CustomerSummary {
  corporateType: CorporateType | null;
  creditCode: string | null;
  /**
   * No birth date: with the masked ID it gives the full number (shared/customer/pii-view.ts). The age in years
   * only for roles that may reveal; the others get the ten-year band.
   */
  age: number | null;
  ageBand: AgeBand | null;
  gender: 'M' | 'F' | null;
  lifecycle: Lifecycle;
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  riskLevel: number | null;
  riskAssessedAt: number | null;
  marketingConsent: boolean;
  linked: { id: string; customerNo: string; name: string; kind: CustomerKind } | null;
  holdings: HoldingView[];
  cards: string[];
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

export interface LookupResult {
  query: { kind: 'id' | 'card' | 'phone' | 'customerNo' | 'name'; masked: string };
  customers: CustomerSummary[];
}

/** GET /api/docs: generated from the shared route table (shared/api/routes). */
export interface ApiDocs {
  endpoints: {
    method: string;
    url: string;
    roles: readonly Role[] | 'public';
    summary: string;
    /** JSON Schemas of what the route takes, generated from its zod schemas. */
    input: { body?: unknown; query?: unknown; params?: unknown };
  }[];
}

/** A ten-year band, `to` inclusive; the last band is open (90 岁以上). */
export interface AgeBand {
  from: number;
  to: number | null;
}
