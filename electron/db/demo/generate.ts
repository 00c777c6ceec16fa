/**
 * Demo branch customers: a fast, deterministic, lazy generator of realistic individuals and
 * corporate customers for the demo branch and the benchmarks. No I/O: it yields plain objects
 * that `seed.ts` inserts.
 *
 * Same (count, seed, now) → the same customers, field for field. Each customer is a pure function
 * of (seed, index, now): its own PRNG is reseeded from (seed, index), and what a neighbour must
 * know (is the next customer a corporate whose owner I am?) comes from hashes of the index.
 *
 * Uniqueness is by construction, not by luck (no sets, O(1) memory):
 * - customerNo is sequential;
 * - phone and card digits are a keyed bijection (`permute8`) of the index;
 * - resident IDs: a keyed bijection maps the index into [0, 10^8), which is cut into cells
 *   (region × age year) sized by their weight; the offset inside a cell becomes the day of
 *   birth and the 3-digit sequence number, so two customers never share region + date + sequence;
 * - the showcase customers (the first seven) use a reserved corner of each number space:
 *   ID regions in `SHOWCASE_REGION_CODES`, phone prefix 138, a card digit no generated card has.
 *
 * Shapes follow DOMAIN.md §1: five AUM tiers with the 80/20 shape, segments, lifecycles,
 * 公私联动 (each corporate customer links to the individual before it, who links back).
 * Holdings use the product codes of the default catalogue (`shared/suggest/catalogue.ts`) and
 * respect its constraints (risk level ≤ assessed tolerance, minimum amounts, tiers, ages).
 */
import type {
  CorporateGrade,
  CorporateType,
  RelationshipType,
  RiskLevel,
  Segment,
} from '../../../shared/customer/enums';
import { residentIdCheckChar } from '../../../shared/customer/ids';
import { corporateHoldings, EFFECTIVE, individualHoldings, MID } from './holdings';
import {
  CARD_SLOTS,
  cardNumber,
  corporateName,
  creditCodeFor,
  CREDIT_SLOT,
  personName,
  phoneNumber,
} from './identity';
import * as T from './names';
import {
  AGE_BUCKET_OF,
  AGE_YEARS,
  CELL_SLOTS,
  CELL_START,
  cellOf,
  CORP_AUM,
  CORP_FLAG_P,
  CORP_GRADE_CUM,
  CORP_GRADES,
  CORP_RELATIONSHIP_CUM,
  CORP_TYPE_CUM,
  CORP_TYPES,
  drawAum,
  ELDERLY_AGE,
  EXECUTIVE_P,
  MAX_DEMO_CUSTOMERS,
  MERCHANT_P,
  MIN_AGE,
  OWNER_TIER_CUM,
  REGION_CODES,
  REGION_RURAL,
  RELATIONSHIP_CUM,
  RELATIONSHIPS,
  RISK_CUM,
  RISK_UNASSESSED_P,
  RURAL_P,
  SLOT_MULT,
  TIER_CUM_BY_AGE,
  URBAN_RURAL_P,
  WOMEN_P,
} from './population';
import { feistelKeys, mix32, PAD3, PAD4, pareto, permute8, pickIndex, Rng, unit3 } from './random';
import { showcaseCustomer, SHOWCASE_COUNT } from './showcase';
import {
  assessedAt,
  CHURNED,
  CORP_LIFECYCLE_CUM,
  LIFECYCLE_CUM,
  LIFECYCLE_IDLE_DAYS,
  timeline,
} from './timeline';
import { BRANCH_UTC_OFFSET, DAY, type DemoCustomer } from './types';

export { creditCodeFor } from './identity';
export { MAX_DEMO_CUSTOMERS } from './population';
export { SHOWCASE, SHOWCASE_COUNT, type ShowcaseEntry } from './showcase';

export type { DemoCustomer, DemoHolding } from './types';

export interface GenerateOptions {
  count: number;
  /** Any safe integer; different seeds give different branches. */
  seed: number;
  /** Epoch ms the data is "as of"; birth dates, lifecycles and assessments are relative to it. */
  now: number;
}

const FIRST_CUSTOMER_NO = 100_000_001;

export function demoCustomerNo(index: number): string {
  const n = FIRST_CUSTOMER_NO + index;
  const head = (n / 100_000_000) | 0;
  const rest = n - head * 100_000_000;
  return `C${head}${PAD4[(rest / 10000) | 0] as string}${PAD4[rest % 10000] as string}`;
}

/** Salts for the per-index hashes: which customers are corporate, their type and grade, and each one's PRNG. */
const SALT_CORP = 0x0c0a;
const SALT_CORP_TYPE = 0x0c0b;
const SALT_CORP_GRADE = 0x0c0c;
const SALT_CUSTOMER = 0x5eed;

/** Purposes for keyed permutations. */
const PERM_ID = 1;
const PERM_PHONE = 2;
const PERM_CARD = 3; // + slot
const PERM_ORG = 7;

interface Context {
  seed: number;
  count: number;
  now: number;
  asOf: number;
  idKeys: Uint32Array;
  phoneKeys: Uint32Array;
  cardKeys: Uint32Array[];
  orgKeys: Uint32Array;
  /** By day offset back from the 18th birthday cut-off: 'YYYY-MM-DD', 'YYYYMMDD', age, year. */
  birthIso: string[];
  birthCompact: string[];
  birthAge: Uint8Array;
  birthYear: Uint16Array;
  rng: Rng;
}

function foldSeed(seed: number): number {
  return (seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) >>> 0);
}

function makeContext(opts: GenerateOptions): Context {
  const { count, seed, now } = opts;
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_DEMO_CUSTOMERS) {
    throw new RangeError(`count must be a whole number from 0 to ${MAX_DEMO_CUSTOMERS}, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch ms, got ${now}`);
  const key = foldSeed(seed);
  const today = Math.floor((now + BRANCH_UTC_OFFSET) / DAY) * DAY; // the branch's date, as UTC midnight
  const t = new Date(today);
  const ty = t.getUTCFullYear();
  const tm = t.getUTCMonth();
  const td = t.getUTCDate();
  // Latest birth date of an 18-year-old; 29 February falls back to the 28th.
  let cutoff = Date.UTC(ty - MIN_AGE, tm, td);
  if (new Date(cutoff).getUTCMonth() !== tm) cutoff = Date.UTC(ty - MIN_AGE, tm, td - 1);
  const n = AGE_YEARS * 365;
  const birthIso: string[] = new Array<string>(n);
  const birthCompact: string[] = new Array<string>(n);
  const birthAge = new Uint8Array(n);
  const birthYear = new Uint16Array(n);
  for (let o = 0; o < n; o++) {
    const d = new Date(cutoff - o * DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const dd = d.getUTCDate();
    const mm = PAD3[m + 1]?.slice(1) as string;
    const ds = PAD3[dd]?.slice(1) as string;
    birthIso[o] = `${y}-${mm}-${ds}`;
    birthCompact[o] = `${y}${mm}${ds}`;
    birthAge[o] = ty - y - (tm < m || (tm === m && td < dd) ? 1 : 0);
    birthYear[o] = y;
  }
  return {
    seed: key,
    count,
    now,
    asOf: today - BRANCH_UTC_OFFSET,
    idKeys: feistelKeys(key, PERM_ID),
    phoneKeys: feistelKeys(key, PERM_PHONE),
    cardKeys: Array.from({ length: CARD_SLOTS }, (_, s) => feistelKeys(key, PERM_CARD + s)),
    orgKeys: feistelKeys(key, PERM_ORG),
    birthIso,
    birthCompact,
    birthAge,
    birthYear,
    rng: new Rng(),
  };
}

function isCorporateIndex(seed: number, i: number): boolean {
  if (i <= SHOWCASE_COUNT) return false; // the first random customer must be free to own the second
  return unit3(seed, i, SALT_CORP) < CORP_FLAG_P && unit3(seed, i - 1, SALT_CORP) >= CORP_FLAG_P;
}

function corporateTypeIndex(seed: number, i: number): number {
  return pickIndex(CORP_TYPE_CUM, unit3(seed, i, SALT_CORP_TYPE));
}

function corporateGradeIndex(seed: number, i: number): number {
  return pickIndex(CORP_GRADE_CUM, unit3(seed, i, SALT_CORP_GRADE));
}

/**
 * Demo customers C100000001, C100000002, …: first the seven showcase customers (see showcase.ts),
 * then random ones. Lazy: each is built when asked for, so any count runs in constant memory.
 */
export function* generateCustomers(opts: GenerateOptions): Generator<DemoCustomer> {
  const ctx = makeContext(opts);
  const shown = Math.min(ctx.count, SHOWCASE_COUNT);
  for (let i = 0; i < shown; i++) yield showcaseCustomer(i, ctx.now, ctx.count);
  for (let i = SHOWCASE_COUNT; i < ctx.count; i++) {
    ctx.rng.reseed(ctx.seed, i, SALT_CUSTOMER);
    yield isCorporateIndex(ctx.seed, i) ? corporate(i, ctx) : individual(i, ctx);
  }
}

/** The seven showcase customers as of `now` (the first seven of every generated data set). */
export function demoShowcase(now: number): DemoCustomer[] {
  return Array.from({ length: SHOWCASE_COUNT }, (_, i) => showcaseCustomer(i, now, SHOWCASE_COUNT));
}

// ── individuals ─────────────────────────────────────────────────────────────────────────
function individual(i: number, ctx: Context): DemoCustomer {
  const rng = ctx.rng;
  // Identity: unique region + birth date + sequence from the index (see the header).
  const p = permute8(i, ctx.idKeys);
  const cell = cellOf(p);
  const slot = (((p - (CELL_START[cell] as number)) * SLOT_MULT + cell * 7919) % CELL_SLOTS) | 0;
  const region = (cell / AGE_YEARS) | 0;
  const day = slot % 365;
  const seq = (slot - day) / 365;
  const offset = (cell - region * AGE_YEARS) * 365 + day;
  const first17 =
    (REGION_CODES[region] as string) + (ctx.birthCompact[offset] as string) + (PAD3[seq] as string);
  const idNumber = first17 + residentIdCheckChar(first17);
  const gender: 'M' | 'F' = seq % 2 === 1 ? 'M' : 'F';
  const age = ctx.birthAge[offset] as number;

  // 公私联动: the customer right before a corporate one is its owner (or head). Whether the next
  // customer is corporate does not depend on the count, so neither does this customer; only the
  // link is dropped when the corporate falls beyond the end.
  const owner = isCorporateIndex(ctx.seed, i + 1);
  let ownerType = -1;
  let tier: number;
  if (owner) {
    ownerType = corporateTypeIndex(ctx.seed, i + 1);
    const grade = corporateGradeIndex(ctx.seed, i + 1);
    tier = pickIndex(OWNER_TIER_CUM[ownerType]?.[grade] as Float64Array, rng.next());
  } else {
    tier = pickIndex(TIER_CUM_BY_AGE[AGE_BUCKET_OF[age] as number] as Float64Array, rng.next());
  }
  const aumFen = drawAum(tier, rng);

  const elderly = age >= ELDERLY_AGE;
  const businessOwner = owner && (ownerType === 0 || ownerType === 3);
  const executive = businessOwner || (age >= 24 && age <= 72 && rng.chance(EXECUTIVE_P[tier] as number));
  const merchant = age >= 22 && age <= 70 && rng.chance(MERCHANT_P[tier] as number);
  const women = gender === 'F' && tier >= EFFECTIVE && rng.chance(WOMEN_P);
  const ruralP = (REGION_RURAL[region] ? RURAL_P[tier] : URBAN_RURAL_P[tier]) as number;
  const rural = age >= 22 && age <= 80 && rng.chance(ruralP);
  const segments: Segment[] = [];
  if (executive) segments.push('executive');
  if (elderly) segments.push('elderly');
  if (merchant) segments.push('merchant');
  if (women) segments.push('women');
  if (rural) segments.push('rural');

  let riskLevel: RiskLevel | null = null;
  if (!rng.chance(RISK_UNASSESSED_P[tier] as number)) {
    let r = pickIndex(RISK_CUM[tier] as Float64Array, rng.next()) + 1;
    if (elderly && r > 1 && rng.chance(0.4)) r -= 1;
    riskLevel = r as RiskLevel;
  }

  let stage = pickIndex(LIFECYCLE_CUM[tier] as Float64Array, rng.next());
  const maxBackDays = Math.min(25 * 365, (age - 16) * 365);
  if (stage === CHURNED && maxBackDays <= (LIFECYCLE_IDLE_DAYS[CHURNED]?.[0] as number) + 2) stage -= 1;
  const tl = timeline(stage, maxBackDays, ctx.now, rng);
  const riskAssessedAt = riskLevel === null ? null : assessedAt(tl, rng);

  let rel = pickIndex(RELATIONSHIP_CUM[tier] as Float64Array, rng.next());
  if (owner && rel < 2 && rng.chance(0.6)) rel = 2;
  const marketingConsent = rng.chance(elderly ? 0.74 : 0.82);

  const passbook = rng.chance(elderly ? 0.12 : 0.02);
  const debitCards = passbook ? 0 : rng.chance(tier >= MID ? 0.25 : 0.12) ? 2 : 1;
  const holdings = individualHoldings(
    { tier, aumFen, risk: riskLevel ?? 0, age, elderly, executive, merchant, rural, passbook },
    ctx.asOf,
    rng,
  );
  const cards: string[] = [];
  for (let s = 0; s < debitCards; s++)
    cards.push(cardNumber(permute8(i, ctx.cardKeys[s] as Uint32Array), s, rng));
  for (const h of holdings) {
    if (h.productType === 'credit_card') {
      cards.push(cardNumber(permute8(i, ctx.cardKeys[CREDIT_SLOT] as Uint32Array), CREDIT_SLOT, rng));
    }
  }

  return {
    customerNo: demoCustomerNo(i),
    kind: 'individual',
    corporateType: null,
    name: personName(rng, ctx.birthYear[offset] as number, gender),
    idNumber,
    creditCode: null,
    phone: phoneNumber(permute8(i, ctx.phoneKeys), rng),
    cards,
    birthDate: ctx.birthIso[offset] as string,
    gender,
    segments,
    relationshipType: RELATIONSHIPS[rel] as RelationshipType,
    corporateGrade: null,
    riskLevel,
    riskAssessedAt,
    marketingConsent,
    linkedCustomerNo: owner && i + 1 < ctx.count ? demoCustomerNo(i + 1) : null,
    createdAt: tl.createdAt,
    lastVisitAt: tl.lastVisitAt,
    lastTxnAt: tl.lastTxnAt,
    holdings,
  };
}

// ── corporate customers ───────────────────────────────────────────────────────────────────
function corporate(i: number, ctx: Context): DemoCustomer {
  const rng = ctx.rng;
  const gradeIdx = corporateGradeIndex(ctx.seed, i);
  const type = CORP_TYPES[corporateTypeIndex(ctx.seed, i)] as CorporateType;
  const [districtCode, district] = rng.pick(T.CORPORATE_DISTRICTS);
  const [lo, hi, alpha] = CORP_AUM[gradeIdx] as readonly [number, number, number];
  const aumFen = pareto(rng, lo, hi, alpha);
  const riskLevel = rng.chance(0.7) ? ((2 + rng.int(3)) as RiskLevel) : null;
  const tl = timeline(pickIndex(CORP_LIFECYCLE_CUM, rng.next()), 25 * 365, ctx.now, rng);
  return {
    customerNo: demoCustomerNo(i),
    kind: 'corporate',
    corporateType: type,
    name: corporateName(type, district, rng),
    idNumber: null,
    creditCode: creditCodeFor(type, districtCode, permute8(i, ctx.orgKeys)),
    phone: phoneNumber(permute8(i, ctx.phoneKeys), rng),
    cards: [],
    birthDate: null,
    gender: null,
    segments: [],
    relationshipType: RELATIONSHIPS[
      pickIndex(CORP_RELATIONSHIP_CUM[gradeIdx] as Float64Array, rng.next())
    ] as RelationshipType,
    corporateGrade: CORP_GRADES[gradeIdx] as CorporateGrade,
    riskLevel,
    riskAssessedAt: riskLevel === null ? null : assessedAt(tl, rng),
    marketingConsent: rng.chance(0.9),
    linkedCustomerNo: demoCustomerNo(i - 1),
    createdAt: tl.createdAt,
    lastVisitAt: tl.lastVisitAt,
    lastTxnAt: tl.lastTxnAt,
    holdings: corporateHoldings(gradeIdx, type === 'enterprise', aumFen, riskLevel !== null, ctx.asOf, rng),
  };
}
