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
import { defaultCustomerConfig } from '../../../shared/customer/config';
import type {
  CorporateGrade,
  CorporateType,
  RelationshipType,
  RiskLevel,
  Segment,
} from '../../../shared/customer/enums';
import { residentIdCheckChar } from '../../../shared/customer/ids';
import {
  corporateHoldings,
  EFFECTIVE,
  HIGH,
  individualHoldings,
  MID,
  POTENTIAL,
  PRIVATE,
  WAN,
  YUAN,
} from './holdings';
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
  cumulative,
  feistelKeys,
  mix32,
  PAD3,
  PAD4,
  pareto,
  permute8,
  pickIndex,
  Rng,
  unit3,
} from './random';
import { showcaseCustomer, SHOWCASE_COUNT } from './showcase';
import { BRANCH_UTC_OFFSET, DAY, YEAR, type DemoCustomer } from './types';

export { creditCodeFor } from './identity';
export { SHOWCASE, SHOWCASE_COUNT, type ShowcaseEntry } from './showcase';

export type { DemoCustomer, DemoHolding } from './types';

export interface GenerateOptions {
  count: number;
  /** Any safe integer; different seeds give different branches. */
  seed: number;
  /** Epoch ms the data is "as of"; birth dates, lifecycles and assessments are relative to it. */
  now: number;
}

/** Phone and card digits and ID cells are bijections on [0, 10^8). */
export const MAX_DEMO_CUSTOMERS = 100_000_000;

const FIRST_CUSTOMER_NO = 100_000_001;

export function demoCustomerNo(index: number): string {
  const n = FIRST_CUSTOMER_NO + index;
  const head = (n / 100_000_000) | 0;
  const rest = n - head * 100_000_000;
  return `C${head}${PAD4[(rest / 10000) | 0] as string}${PAD4[rest % 10000] as string}`;
}

// ── tiers ──────────────────────────────────────────────────────────────────────────────
const BAND_MIN = defaultCustomerConfig.tiers.map((b) => b.minFen);
const PRIVATE_CAP_FEN = 30_000_000_000; // ¥3亿: the richest demo customer

/** Share of individuals per tier (DOMAIN.md §1, 80/20). */
const TIER_TARGET = [0.45, 0.25, 0.2, 0.085, 0.015];

// ── ages ───────────────────────────────────────────────────────────────────────────────
const MIN_AGE = 18;
const AGE_YEARS = 75; // 18…92
const ELDERLY_AGE = defaultCustomerConfig.elderlyAge;
/** Relative number of customers per year of age (index 0 = 18): about 22% are 60 or older. */
const AGE_WEIGHTS: number[] = Array.from({ length: AGE_YEARS }, (_, k) => {
  const age = MIN_AGE + k;
  if (age < 22) return 0.55 + 0.12 * (age - 18);
  if (age < 30) return 1;
  if (age < 50) return 1.05;
  if (age < 60) return 1;
  return 0.95 * Math.exp(-(age - 60) / 13);
});
/** Age buckets for the age × tier correlation: upper bounds (exclusive) and how strongly each leans rich. */
const AGE_BUCKET_LIMITS = [25, 35, 45, 60, 75, 93];
const AGE_BUCKET_LEAN = [-0.9, -0.35, 0.05, 0.3, 0.35, 0.1];
const AGE_BUCKET_OF = Uint8Array.from({ length: 100 }, (_, age) => {
  const b = AGE_BUCKET_LIMITS.findIndex((limit) => age < limit);
  return b < 0 ? AGE_BUCKET_LIMITS.length - 1 : b;
});

// ── resident ID cells: (region × age year), capacity ∝ weight, 365 days × 1000 sequence numbers each ──
const ID_SPACE = MAX_DEMO_CUSTOMERS;
const CELL_SLOTS = 365 * 1000;
const SLOT_MULT = 104_729; // prime, coprime with 365000 = 2^4·5^4·73
const REGION_CODES = T.REGIONS.map((r) => r.code);
const REGION_RURAL = T.REGIONS.map((r) => r.rural);
const CELL_START = buildCells();

function buildCells(): Float64Array {
  const rw = T.REGIONS.map((r) => r.weight);
  const rSum = rw.reduce((a, b) => a + b, 0);
  const aSum = AGE_WEIGHTS.reduce((a, b) => a + b, 0);
  const n = rw.length * AGE_YEARS;
  const caps = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < rw.length; r++) {
    for (let k = 0; k < AGE_YEARS; k++) {
      const c = Math.floor((ID_SPACE * (rw[r] as number) * (AGE_WEIGHTS[k] as number)) / (rSum * aSum));
      caps[r * AGE_YEARS + k] = c;
      total += c;
    }
  }
  for (let j = 0; total < ID_SPACE; j = (j + 1) % n, total++) caps[j] = (caps[j] as number) + 1;
  const start = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    if ((caps[j] as number) > CELL_SLOTS)
      throw new Error('demo ID cell overflow: lower a region or age weight');
    start[j + 1] = (start[j] as number) + (caps[j] as number);
  }
  return start;
}

/** Cell index j with CELL_START[j] <= p < CELL_START[j + 1]. */
function cellOf(p: number): number {
  let lo = 0;
  let hi = CELL_START.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((CELL_START[mid] as number) <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ── corporate customers and 公私联动 ────────────────────────────────────────────────────
const CORP_TYPES: readonly CorporateType[] = ['enterprise', 'government', 'institution', 'financial'];
const CORP_TYPE_CUM = cumulative([0.82, 0.06, 0.08, 0.04]);
const CORP_GRADES: readonly CorporateGrade[] = ['strategic', 'key', 'general'];
const CORP_GRADE_CUM = cumulative([0.05, 0.2, 0.75]);
/** Corporate AUM by grade: [lo, hi, Pareto alpha] in fen. */
const CORP_AUM: readonly (readonly [number, number, number])[] = [
  [2000 * WAN, 50_000 * WAN, 1.3],
  [300 * WAN, 5000 * WAN, 1.2],
  [5 * WAN, 500 * WAN, 0.7],
];
/**
 * A customer is corporate when its hash flag is set and its predecessor's is not, so the customer
 * before a corporate is always an individual (its owner or head). P = p(1 − p) = 3%.
 */
const CORP_FLAG_P = (1 - Math.sqrt(1 - 4 * 0.03)) / 2;
const SALT_CORP = 0x0c0a;
const SALT_CORP_TYPE = 0x0c0b;
const SALT_CORP_GRADE = 0x0c0c;
const SALT_CUSTOMER = 0x5eed;

/** Tier of the individual linked to a corporate, by corporate type then grade. */
const OWNER_TIER: readonly (readonly (readonly number[])[])[] = (() => {
  const business = [
    [0, 0, 0.05, 0.35, 0.6],
    [0, 0.02, 0.2, 0.48, 0.3],
    [0.02, 0.13, 0.35, 0.4, 0.1],
  ];
  const publicBody = [0.05, 0.2, 0.45, 0.27, 0.03];
  return [business, [publicBody, publicBody, publicBody], [publicBody, publicBody, publicBody], business];
})();
const OWNER_TIER_CUM = OWNER_TIER.map((byGrade) => byGrade.map((p) => cumulative(p)));

/** Tier given the age bucket, for individuals not linked to a corporate (see `tierTables`). */
const TIER_CUM_BY_AGE = tierTables();

/**
 * The owners' skew is taken out of the general population's target, then an age × tier table
 * with the right margins is fitted (iterative proportional fitting), so young customers lean
 * poor, the middle-aged and retired lean rich, and the overall shares still match TIER_TARGET.
 */
function tierTables(): Float64Array[] {
  const typeP = [0.82, 0.06, 0.08, 0.04];
  const gradeP = [0.05, 0.2, 0.75];
  const owner = [0, 0, 0, 0, 0];
  typeP.forEach((tp, ti) =>
    gradeP.forEach((gp, gi) => {
      for (let t = 0; t < 5; t++)
        owner[t] = (owner[t] as number) + tp * gp * (OWNER_TIER[ti]?.[gi]?.[t] as number);
    }),
  );
  const pc = CORP_FLAG_P * (1 - CORP_FLAG_P);
  const f = pc / (1 - pc);
  const cols = TIER_TARGET.map((target, t) => (target - f * (owner[t] as number)) / (1 - f));
  if (cols.some((c) => c <= 0)) throw new Error('demo owner tier skew exceeds the tier targets');
  const rows = AGE_BUCKET_LIMITS.map(() => 0);
  AGE_WEIGHTS.forEach((w, k) => {
    const b = AGE_BUCKET_OF[MIN_AGE + k] as number;
    rows[b] = (rows[b] as number) + w;
  });
  const rowSum = rows.reduce((a, b) => a + b, 0);
  const joint = rows.map((_, b) => cols.map((_, t) => Math.exp((AGE_BUCKET_LEAN[b] as number) * t)));
  for (let iter = 0; iter < 200; iter++) {
    joint.forEach((row, b) => {
      const s = row.reduce((a, x) => a + x, 0);
      row.forEach((x, t) => (row[t] = (x * (rows[b] as number)) / rowSum / s));
    });
    cols.forEach((c, t) => {
      const s = joint.reduce((a, row) => a + (row[t] as number), 0);
      joint.forEach((row) => (row[t] = ((row[t] as number) * c) / s));
    });
  }
  return joint.map((row) => cumulative(row));
}

// ── per-tier behaviour (index = tier) ────────────────────────────────────────────────────
const EXECUTIVE_P = [0.01, 0.03, 0.08, 0.22, 0.5];
const MERCHANT_P = [0.05, 0.09, 0.12, 0.1, 0.05];
const RURAL_P = [0.45, 0.4, 0.2, 0.05, 0];
const URBAN_RURAL_P = [0.006, 0.004, 0.002, 0, 0];
const WOMEN_P = 0.5;
const RISK_UNASSESSED_P = [0.42, 0.2, 0.1, 0.05, 0.02];
const RISK_CUM = [
  [0.25, 0.4, 0.25, 0.08, 0.02],
  [0.15, 0.4, 0.3, 0.12, 0.03],
  [0.08, 0.35, 0.35, 0.17, 0.05],
  [0.05, 0.25, 0.38, 0.24, 0.08],
  [0.03, 0.17, 0.35, 0.3, 0.15],
].map((p) => cumulative(p));
const RELATIONSHIPS: readonly RelationshipType[] = ['passive', 'responsible', 'proactive', 'partnership'];
const RELATIONSHIP_CUM = [
  [0.7, 0.25, 0.05, 0],
  [0.5, 0.35, 0.13, 0.02],
  [0.3, 0.4, 0.25, 0.05],
  [0.1, 0.35, 0.4, 0.15],
  [0.02, 0.18, 0.4, 0.4],
].map((p) => cumulative(p));
const CORP_RELATIONSHIP_CUM = [
  [0, 0.1, 0.3, 0.6],
  [0.05, 0.3, 0.45, 0.2],
  [0.3, 0.45, 0.2, 0.05],
].map((p) => cumulative(p));

/** Lifecycle stages: index into LIFECYCLE_IDLE_DAYS. */
const NEW = 0;
const CHURNED = 4;
const LIFECYCLE_CUM = [
  [0.06, 0.3, 0.18, 0.3, 0.16],
  [0.04, 0.5, 0.2, 0.18, 0.08],
  [0.03, 0.6, 0.18, 0.14, 0.05],
  [0.02, 0.7, 0.16, 0.1, 0.02],
  [0.01, 0.8, 0.14, 0.05, 0],
].map((p) => cumulative(p));
const CORP_LIFECYCLE_CUM = cumulative([0.02, 0.75, 0.12, 0.08, 0.03]);
/** Days since the last activity per stage (default thresholds 30/90/180/730), kept off the boundaries. */
const LIFECYCLE_IDLE_DAYS: readonly (readonly [number, number])[] = [
  [0, 29],
  [0, 89],
  [91, 179],
  [181, 729],
  [731, 2500],
];

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

function drawAum(tier: number, rng: Rng): number {
  switch (tier) {
    case POTENTIAL: {
      // Log scale leaning to the top of the band (median about ¥850), a few empty accounts.
      if (rng.chance(0.04)) return 0;
      const lo = 10 * YUAN;
      const hi = BAND_MIN[EFFECTIVE] as number;
      return Math.min(hi - 1, Math.floor(lo * Math.pow(hi / lo, Math.pow(rng.next(), 0.6))));
    }
    case EFFECTIVE:
      return pareto(rng, BAND_MIN[EFFECTIVE] as number, BAND_MIN[MID] as number, 1.2);
    case MID:
      return pareto(rng, BAND_MIN[MID] as number, BAND_MIN[HIGH] as number, 1);
    case HIGH:
      return pareto(rng, BAND_MIN[HIGH] as number, BAND_MIN[PRIVATE] as number, 1.1);
    default:
      return pareto(rng, BAND_MIN[PRIVATE] as number, PRIVATE_CAP_FEN, 1.5);
  }
}

interface Timeline {
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

/** Opening date and last visit/transaction so that `deriveLifecycle` lands on `stage`. */
function timeline(stage: number, maxBackDays: number, now: number, rng: Rng): Timeline {
  if (stage === NEW) {
    const createdAt = now - Math.floor(rng.between(0, 29.5) * DAY);
    return {
      createdAt,
      lastVisitAt: Math.min(now, createdAt + rng.int(40 * 60_000)),
      lastTxnAt: rng.chance(0.7) ? createdAt + rng.int(now - createdAt + 1) : null,
    };
  }
  const [lo, hi] = LIFECYCLE_IDLE_DAYS[stage] as readonly [number, number];
  const idleDays = rng.between(lo, Math.min(hi, maxBackDays - 1));
  const last = now - Math.floor(idleDays * DAY) - rng.int(DAY);
  const backDays = Math.max(31, idleDays + 1 + rng.next() * Math.max(0, maxBackDays - idleDays - 1));
  const createdAt = Math.min(last, now - Math.floor(backDays * DAY));
  let lastVisitAt: number | null;
  let lastTxnAt: number | null;
  if (rng.chance(0.6)) {
    lastTxnAt = last;
    lastVisitAt = rng.chance(0.15) ? null : Math.max(createdAt, last - rng.int(400 * DAY));
  } else {
    lastVisitAt = last;
    lastTxnAt = rng.chance(0.05) ? null : Math.max(createdAt, last - rng.int(60 * DAY));
  }
  return { createdAt, lastVisitAt, lastTxnAt };
}

/** A risk assessment done at some visit: mostly in the months before the last activity, some long before. */
function assessedAt(tl: Timeline, rng: Rng): number {
  const last = Math.max(tl.createdAt, tl.lastVisitAt ?? 0, tl.lastTxnAt ?? 0);
  const back = rng.chance(0.78) ? rng.int(300 * DAY) : 365 * DAY + rng.int(2 * YEAR);
  return Math.max(tl.createdAt, last - back);
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
