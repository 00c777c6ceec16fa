/** Vocabulary shared by the DB, the API and the UI; labels live in the i18n files. */

export const CUSTOMER_KINDS = ['individual', 'corporate'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const CORPORATE_TYPES = ['enterprise', 'government', 'institution', 'financial'] as const;
export type CorporateType = (typeof CORPORATE_TYPES)[number];

export const SEGMENTS = ['executive', 'elderly', 'merchant', 'women', 'rural'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const LIFECYCLES = ['new', 'active', 'low_frequency', 'dormant', 'churned'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const RELATIONSHIP_TYPES = ['passive', 'responsible', 'proactive', 'partnership'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const CORPORATE_GRADES = ['strategic', 'key', 'general'] as const;
export type CorporateGrade = (typeof CORPORATE_GRADES)[number];

/** Product types a holding can have; the catalogue's products each carry one. */
export const PRODUCT_TYPES = [
  'demand_deposit',
  'time_deposit',
  'wealth_7day',
  'wealth_short',
  'wealth',
  'fund',
  'insurance',
  'trust',
  'credit_card',
  'consumer_loan',
  'mortgage',
  'microloan',
  'corporate_loan',
  'acceptance_bill',
  'supply_chain',
  'payroll',
  'e_banking',
  'pos',
  'agency',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** Holdings of these types count toward AUM (金融资产); loans and services do not. */
export const AUM_PRODUCT_TYPES: readonly ProductType[] = [
  'demand_deposit',
  'time_deposit',
  'wealth_7day',
  'wealth_short',
  'wealth',
  'fund',
  'insurance',
  'trust',
];

export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
