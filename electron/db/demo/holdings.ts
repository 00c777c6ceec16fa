/**
 * What a demo customer holds. Products are the default catalogue's codes
 * (`shared/suggest/catalogue.ts`) within its rules: risk level ≤ the assessed tolerance,
 * minimum purchase, tier-exclusive products, age limits, segment loans only to that segment.
 * AUM holdings add up exactly to the customer's drawn AUM; the demand deposit takes the odd fen.
 * Balances are never negative: for loans and credit cards they are the amount owed, and
 * services (mobile banking, payroll, POS, agency) have balance 0.
 */
import type { ProductType } from '../../../shared/customer/enums';
import type { DemoHolding } from './types';
import type { Rng } from './random';

export const YUAN = 100;
export const WAN = 1_000_000; // ¥1万 in fen

/** Tier indices, in the order of the default bands. */
export const POTENTIAL = 0;
export const EFFECTIVE = 1;
export const MID = 2;
export const HIGH = 3;
export const PRIVATE = 4;

const MAX_HOLDINGS = 5;
// Per tier (index = tier).
const MAX_EXTRAS = [1, 2, 3, 3, 4];
const DEMAND_WEIGHT = [1.2, 0.7, 0.35, 0.15, 0.08];
const TIME_DEPOSIT_P = [0.1, 0.45, 0.65, 0.65, 0.5];
const CASH_WM_P = [0.08, 0.12, 0.15, 0.15, 0.1];
const SHORT_WM_P = [0, 0.06, 0.3, 0.35, 0.3];
const WEALTH_P = [0, 0.04, 0.15, 0.35, 0.5];
const FUND_P = [0.01, 0.04, 0.12, 0.35, 0.5];
const INSURANCE_P = [0, 0.03, 0.1, 0.3, 0.45];
const E_BANKING_P = [0.35, 0.7, 0.8, 0.85, 0.85];
const CREDIT_CARD_P = [0.12, 0.25, 0.35, 0.45, 0.5];
const MORTGAGE_P = [0.04, 0.1, 0.18, 0.2, 0.1];
const CONSUMER_LOAN_P = [0.05, 0.07, 0.06, 0.03, 0.01];
const FUND_BY_RISK = ['', '', 'FUND_BOND', 'FUND_BALANCED', 'FUND_EQUITY', 'FUND_QDII'];
// Per corporate grade (strategic, key, general).
const CORP_AGREEMENT_P = [0.5, 0.5, 0.15];
const CORP_STRUCTURED_P = [0.4, 0.25, 0.05];
const CORP_LOAN_MAX = [20_000 * WAN, 5000 * WAN, 500 * WAN];
const CORP_WC_LOAN_P = [0.7, 0.45, 0.12];
const CORP_ACCEPTANCE_P = [0.4, 0.25, 0.05];
const CORP_FA_LOAN_P = [0.25, 0.1, 0];
const CORP_SCF_P = [0.2, 0.1, 0];
const GENERAL = 2;

/** An AUM holding to be funded out of the customer's AUM. */
interface Extra {
  type: ProductType;
  code: string;
  /** Minimum purchase (the catalogue's minAmountFen). */
  minFen: number;
  /** Purchases are whole multiples of this. */
  unitFen: number;
  weight: number;
  /** Market value drifts from the purchase amount (wealth, funds, trusts) by up to this fraction. */
  drift: number;
}

export interface IndividualProfile {
  tier: number;
  aumFen: number;
  /** Assessed risk tolerance 1–5, 0 when never assessed. */
  risk: number;
  age: number;
  elderly: boolean;
  executive: boolean;
  merchant: boolean;
  rural: boolean;
  /** No debit card: the demand account is a passbook (product code null). */
  passbook: boolean;
}

function hold(
  productType: ProductType,
  productCode: string | null,
  balanceFen: number,
  asOf: number,
): DemoHolding {
  return { productType, productCode, balanceFen, asOf };
}

function extra(
  type: ProductType,
  code: string,
  minFen: number,
  unitFen: number,
  weight: number,
  drift: number,
): Extra {
  return { type, code, minFen, unitFen, weight, drift };
}

/** Outstanding loan principal, log-uniform: not a round number once repayments start. */
export function loanFen(rng: Rng, minFen: number, maxFen: number): number {
  return Math.floor(minFen * Math.pow(maxFen / minFen, rng.next()));
}

/** Demand account first, then segment products, AUM products, and everyday products while room is left. */
export function individualHoldings(p: IndividualProfile, asOf: number, rng: Rng): DemoHolding[] {
  const { tier, age, elderly } = p;
  const holdings: DemoHolding[] = [];
  const demand = hold('demand_deposit', p.passbook ? null : 'DEBIT_CARD', 0, asOf);
  holdings.push(demand);

  const essentials: DemoHolding[] = [];
  if (p.rural && age <= 65 && rng.chance(0.35)) {
    essentials.push(hold('microloan', 'LOAN_SPRING', loanFen(rng, 3 * WAN, 20 * WAN), asOf));
  }
  if ((p.merchant || p.executive) && age <= 65 && rng.chance(p.merchant ? 0.3 : 0.1)) {
    essentials.push(hold('microloan', 'LOAN_MERCHANT', loanFen(rng, 10 * WAN, 100 * WAN), asOf));
  }
  if (p.executive ? rng.chance(0.6) : age >= 22 && age <= 60 && rng.chance(0.12)) {
    essentials.push(hold('payroll', 'PAYROLL', 0, asOf));
  }
  if (p.merchant && essentials.length < 3 && rng.chance(0.5))
    essentials.push(hold('pos', 'POS_MERCHANT', 0, asOf));

  const room = Math.min(MAX_EXTRAS[tier] as number, MAX_HOLDINGS - 1 - essentials.length);
  const extras = pickExtras(p, rng, room);
  demand.balanceFen = fund(
    p.aumFen,
    (DEMAND_WEIGHT[tier] as number) * rng.between(0.4, 1.6),
    extras,
    holdings,
    asOf,
    rng,
  );
  for (const h of essentials) holdings.push(h);

  // No closures here: this runs per customer, and tsx wraps every closure in a naming helper.
  if (
    holdings.length < MAX_HOLDINGS &&
    rng.chance((E_BANKING_P[tier] as number) * (elderly ? 0.5 : 1) + (age < 30 ? 0.1 : 0))
  ) {
    holdings.push(hold('e_banking', 'EB_MOBILE', 0, asOf));
  }
  if (holdings.length < MAX_HOLDINGS && age <= 65 && rng.chance(CREDIT_CARD_P[tier] as number)) {
    const platinum = tier >= MID && rng.chance(0.5);
    const owed = rng.chance(0.2) ? 0 : rng.int(platinum ? 5 * WAN : 2 * WAN);
    holdings.push(hold('credit_card', platinum ? 'CC_PLATINUM' : 'CC_STANDARD', owed, asOf));
  }
  if (holdings.length < MAX_HOLDINGS && age >= 25 && age <= 65 && rng.chance(MORTGAGE_P[tier] as number)) {
    holdings.push(
      hold('mortgage', 'LOAN_MORTGAGE', loanFen(rng, 20 * WAN, tier >= HIGH ? 300 * WAN : 150 * WAN), asOf),
    );
  }
  if (
    holdings.length < MAX_HOLDINGS &&
    age >= 22 &&
    age <= 60 &&
    rng.chance(CONSUMER_LOAN_P[tier] as number)
  ) {
    holdings.push(hold('consumer_loan', 'LOAN_CONSUMER', loanFen(rng, WAN, 30 * WAN), asOf));
  }
  if (holdings.length < MAX_HOLDINGS && rng.chance(0.08))
    holdings.push(hold('agency', 'AGENCY_BILLS', 0, asOf));
  if (holdings.length < MAX_HOLDINGS && p.merchant && rng.chance(0.15))
    holdings.push(hold('agency', 'CASH_CHANGE', 0, asOf));
  return holdings;
}

/** AUM products beyond the demand account, within the catalogue's risk, amount, tier and age rules. */
function pickExtras(p: IndividualProfile, rng: Rng, max: number): Extra[] {
  const { tier, aumFen: aum, risk, age, elderly } = p;
  const out: Extra[] = [];
  if (aum < 100 * YUAN || max <= 0) return out;
  if (rng.chance((TIME_DEPOSIT_P[tier] as number) + (elderly ? 0.2 : 0))) {
    if (aum >= 25 * WAN && rng.chance(0.45))
      out.push(extra('time_deposit', 'TD_LARGE_CD', 20 * WAN, WAN, rng.between(0.5, 1.5), 0));
    else if (age >= 55 && aum >= 2000 * YUAN && rng.chance(elderly ? 0.5 : 0.2)) {
      out.push(extra('time_deposit', 'TD_SILVER', 1000 * YUAN, 100 * YUAN, rng.between(0.5, 1.5), 0));
    } else if (aum >= 8 * WAN && rng.chance(0.15)) {
      out.push(extra('time_deposit', 'TD_NOTICE_7D', 5 * WAN, 1000 * YUAN, rng.between(0.5, 1.5), 0));
    } else out.push(extra('time_deposit', 'TD_STANDARD', 50 * YUAN, 100 * YUAN, rng.between(0.5, 1.5), 0));
  }
  if (out.length < max && risk >= 2 && rng.chance(SHORT_WM_P[tier] as number)) {
    const quarter = rng.chance(0.65);
    const [type, code]: [ProductType, string] = quarter
      ? ['wealth_short', 'WM_QUARTER']
      : ['wealth_7day', 'WM_7DAY'];
    out.push(extra(type, code, WAN, 1000 * YUAN, 0.8 * rng.between(0.5, 1.5), 0.02));
  }
  if (out.length < max && risk >= 2 && rng.chance(WEALTH_P[tier] as number)) {
    if (tier === PRIVATE && risk >= 3 && rng.chance(0.6))
      out.push(extra('wealth', 'WM_PRIVATE', 100 * WAN, 10 * WAN, rng.between(0.5, 1.5), 0.04));
    else if (risk >= 4 && aum >= 20 * WAN && rng.chance(0.3)) {
      out.push(extra('wealth', 'WM_EQUITY', 5 * WAN, 1000 * YUAN, 0.6 * rng.between(0.5, 1.5), 0.08));
    } else if (risk >= 3 && rng.chance(0.5))
      out.push(extra('wealth', 'WM_PLUS', WAN, 1000 * YUAN, 0.8 * rng.between(0.5, 1.5), 0.04));
    else out.push(extra('wealth', 'WM_STEADY_1Y', WAN, 1000 * YUAN, 0.8 * rng.between(0.5, 1.5), 0.03));
  }
  if (out.length < max && risk >= 2 && rng.chance(FUND_P[tier] as number)) {
    if (risk >= 3 && age >= 28 && age <= 50 && rng.chance(0.2)) {
      out.push(extra('fund', 'FUND_EDU_DCA', 100 * YUAN, 100 * YUAN, 0.3 * rng.between(0.5, 1.5), 0.1));
    } else {
      const level = 2 + rng.int(risk - 1);
      const min = level === 5 ? 1000 * YUAN : 10 * YUAN;
      out.push(
        extra('fund', FUND_BY_RISK[level] as string, min, 100 * YUAN, 0.5 * rng.between(0.5, 1.5), 0.12),
      );
    }
  }
  if (out.length < max && rng.chance((INSURANCE_P[tier] as number) + (elderly && tier >= MID ? 0.1 : 0))) {
    let code: string | null = null;
    if (age >= 55 && age <= 80 && (elderly || rng.chance(0.5))) code = 'INS_SILVER';
    else if (tier >= HIGH && age <= 70 && rng.chance(0.5)) code = 'INS_LEGACY';
    else if (age >= 28 && age <= 50 && rng.chance(0.3)) code = 'INS_EDU';
    else if (age <= 55 && rng.chance(0.4)) code = 'INS_CRITICAL';
    else if (age >= 30 && age <= 65) code = 'INS_ANNUITY'; // the catalogue's age band for a pension annuity
    if (code) out.push(extra('insurance', code, 0, 100 * YUAN, 0.4 * rng.between(0.5, 1.5), 0));
  }
  if (out.length < max && tier === PRIVATE && risk >= 3 && aum >= 2000 * WAN && rng.chance(0.35)) {
    out.push(extra('trust', 'TRUST_FAMILY', 1000 * WAN, 100 * WAN, 1.5 * rng.between(0.5, 1.5), 0.02));
  } else if (
    out.length < max &&
    tier >= HIGH &&
    risk >= 4 &&
    aum >= 200 * WAN &&
    rng.chance(tier === PRIVATE ? 0.3 : 0.12)
  ) {
    out.push(extra('trust', 'TRUST_COLLECTIVE', 100 * WAN, 10 * WAN, 0.8 * rng.between(0.5, 1.5), 0.03));
  }
  if (out.length < max && risk >= 1 && rng.chance(CASH_WM_P[tier] as number)) {
    out.push(extra('wealth_7day', 'WM_CASH', YUAN, 100 * YUAN, 0.3 * rng.between(0.5, 1.5), 0.01));
  }
  return out;
}

/**
 * Corporate customers: the settlement account, deposits and structured deposits out of AUM,
 * then loans, bills and services by grade. `grade`: 0 strategic, 1 key, 2 general.
 */
export function corporateHoldings(
  grade: number,
  enterprise: boolean,
  aumFen: number,
  assessed: boolean,
  asOf: number,
  rng: Rng,
): DemoHolding[] {
  const holdings: DemoHolding[] = [];
  const demand = hold('demand_deposit', 'CORP_SETTLEMENT', 0, asOf);
  holdings.push(demand);
  const extras: Extra[] = [];
  if (aumFen >= 100 * WAN && rng.chance(CORP_AGREEMENT_P[grade] as number)) {
    extras.push(extra('time_deposit', 'CORP_AGREEMENT', 50 * WAN, 10 * WAN, rng.between(0.5, 1.5), 0));
  }
  if (assessed && aumFen >= 300 * WAN && rng.chance(CORP_STRUCTURED_P[grade] as number)) {
    extras.push(extra('wealth_short', 'CORP_STRUCTURED', 100 * WAN, 10 * WAN, rng.between(0.5, 1.5), 0.02));
  }
  demand.balanceFen = fund(aumFen, rng.between(0.5, 1.5), extras, holdings, asOf, rng);

  const loanMax = CORP_LOAN_MAX[grade] as number;
  const room = () => holdings.length < MAX_HOLDINGS;
  if (enterprise && room() && rng.chance(CORP_WC_LOAN_P[grade] as number)) {
    holdings.push(hold('corporate_loan', 'CORP_WC_LOAN', loanFen(rng, 50 * WAN, loanMax), asOf));
  }
  if (room() && rng.chance(enterprise ? 0.6 : 0.9)) holdings.push(hold('payroll', 'PAYROLL', 0, asOf));
  if (enterprise && room() && rng.chance(CORP_ACCEPTANCE_P[grade] as number)) {
    holdings.push(hold('acceptance_bill', 'CORP_ACCEPTANCE', loanFen(rng, 50 * WAN, loanMax / 2), asOf));
  }
  if (room() && rng.chance(0.9)) holdings.push(hold('e_banking', 'CORP_EB', 0, asOf));
  if (enterprise && room() && rng.chance(CORP_FA_LOAN_P[grade] as number)) {
    holdings.push(hold('corporate_loan', 'CORP_FA_LOAN', loanFen(rng, 500 * WAN, loanMax), asOf));
  }
  if (enterprise && room() && rng.chance(CORP_SCF_P[grade] as number)) {
    holdings.push(hold('supply_chain', 'CORP_SCF', loanFen(rng, 100 * WAN, loanMax / 4), asOf));
  }
  if (enterprise && grade === GENERAL && room() && rng.chance(0.15)) {
    holdings.push(hold('microloan', 'CORP_INCLUSIVE', loanFen(rng, 10 * WAN, 300 * WAN), asOf));
  }
  if (enterprise && grade === GENERAL && room() && rng.chance(0.2))
    holdings.push(hold('pos', 'POS_MERCHANT', 0, asOf));
  if (!enterprise && room() && rng.chance(0.4)) holdings.push(hold('agency', 'AGENCY_BILLS', 0, asOf));
  return holdings;
}

/**
 * Splits `aum` over the extras by weight (stick-breaking, so the parts never exceed the whole),
 * in whole purchase units, bumping a too-small part up to its minimum when it still fits and
 * dropping it otherwise. Returns what is left: the demand deposit, which carries the odd fen.
 */
function fund(
  aum: number,
  demandWeight: number,
  extras: Extra[],
  holdings: DemoHolding[],
  asOf: number,
  rng: Rng,
): number {
  let remaining = aum;
  let weightLeft = demandWeight;
  for (const e of extras) weightLeft += e.weight;
  for (const e of extras) {
    const target = (remaining * e.weight) / weightLeft;
    weightLeft -= e.weight;
    const growth = e.drift === 0 ? 1 : 1 + rng.between(-e.drift / 2, e.drift);
    let base = Math.floor(target / growth / e.unitFen) * e.unitFen;
    if (base < e.minFen || base <= 0) {
      base = Math.max(e.minFen, e.unitFen);
      if (base * growth > remaining * 0.8) continue;
    }
    const amount = Math.floor(base * growth);
    if (amount <= 0 || amount > remaining) continue;
    remaining -= amount;
    holdings.push(hold(e.type, e.code, amount, asOf));
  }
  return remaining;
}
