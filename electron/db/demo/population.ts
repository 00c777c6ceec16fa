/**
 * Who the demo customers are: the shares and distributions the generator (`generate.ts`) draws
 * from — AUM tiers and amounts, ages, resident ID cells, corporate types and grades, the owners'
 * tiers and the per-tier behaviour (segments, risk, relationship). Tables only, plus the pure
 * functions that build or sample them; no I/O.
 */
import { defaultCustomerConfig } from '../../../shared/customer/config';
import type { CorporateGrade, CorporateType, RelationshipType } from '../../../shared/customer/enums';
import { EFFECTIVE, HIGH, MID, POTENTIAL, PRIVATE, WAN, YUAN } from './holdings';
import * as T from './names';
import { cumulative, pareto, type Rng } from './random';

// ── tiers ──────────────────────────────────────────────────────────────────────────────
const BAND_MIN = defaultCustomerConfig.tiers.map((b) => b.minFen);
const PRIVATE_CAP_FEN = 30_000_000_000; // ¥3亿: the richest demo customer

/** Share of individuals per tier (DOMAIN.md §1, 80/20). */
const TIER_TARGET = [0.45, 0.25, 0.2, 0.085, 0.015];

// ── ages ───────────────────────────────────────────────────────────────────────────────
export const MIN_AGE = 18;
export const AGE_YEARS = 75; // 18…92
export const ELDERLY_AGE = defaultCustomerConfig.elderlyAge;
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
export const AGE_BUCKET_OF = Uint8Array.from({ length: 100 }, (_, age) => {
  const b = AGE_BUCKET_LIMITS.findIndex((limit) => age < limit);
  return b < 0 ? AGE_BUCKET_LIMITS.length - 1 : b;
});

// ── resident ID cells: (region × age year), capacity ∝ weight, 365 days × 1000 sequence numbers each ──
/** Phone and card digits and ID cells are bijections on [0, 10^8). */
export const MAX_DEMO_CUSTOMERS = 100_000_000;
const ID_SPACE = MAX_DEMO_CUSTOMERS;
export const CELL_SLOTS = 365 * 1000;
export const SLOT_MULT = 104_729; // prime, coprime with 365000 = 2^4·5^4·73
export const REGION_CODES = T.REGIONS.map((r) => r.code);
export const REGION_RURAL = T.REGIONS.map((r) => r.rural);
export const CELL_START = buildCells();

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
export function cellOf(p: number): number {
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
export const CORP_TYPES: readonly CorporateType[] = ['enterprise', 'government', 'institution', 'financial'];
export const CORP_TYPE_CUM = cumulative([0.82, 0.06, 0.08, 0.04]);
export const CORP_GRADES: readonly CorporateGrade[] = ['strategic', 'key', 'general'];
export const CORP_GRADE_CUM = cumulative([0.05, 0.2, 0.75]);
/** Corporate AUM by grade: [lo, hi, Pareto alpha] in fen. */
export const CORP_AUM: readonly (readonly [number, number, number])[] = [
  [2000 * WAN, 50_000 * WAN, 1.3],
  [300 * WAN, 5000 * WAN, 1.2],
  [5 * WAN, 500 * WAN, 0.7],
];
/**
 * A customer is corporate when its hash flag is set and its predecessor's is not, so the customer
 * before a corporate is always an individual (its owner or head). P = p(1 − p) = 3%.
 */
export const CORP_FLAG_P = (1 - Math.sqrt(1 - 4 * 0.03)) / 2;

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
export const OWNER_TIER_CUM = OWNER_TIER.map((byGrade) => byGrade.map((p) => cumulative(p)));

/** Tier given the age bucket, for individuals not linked to a corporate (see `tierTables`). */
export const TIER_CUM_BY_AGE = tierTables();

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
export const EXECUTIVE_P = [0.01, 0.03, 0.08, 0.22, 0.5];
export const MERCHANT_P = [0.05, 0.09, 0.12, 0.1, 0.05];
export const RURAL_P = [0.45, 0.4, 0.2, 0.05, 0];
export const URBAN_RURAL_P = [0.006, 0.004, 0.002, 0, 0];
export const WOMEN_P = 0.5;
export const RISK_UNASSESSED_P = [0.42, 0.2, 0.1, 0.05, 0.02];
export const RISK_CUM = [
  [0.25, 0.4, 0.25, 0.08, 0.02],
  [0.15, 0.4, 0.3, 0.12, 0.03],
  [0.08, 0.35, 0.35, 0.17, 0.05],
  [0.05, 0.25, 0.38, 0.24, 0.08],
  [0.03, 0.17, 0.35, 0.3, 0.15],
].map((p) => cumulative(p));
export const RELATIONSHIPS: readonly RelationshipType[] = [
  'passive',
  'responsible',
  'proactive',
  'partnership',
];
export const RELATIONSHIP_CUM = [
  [0.7, 0.25, 0.05, 0],
  [0.5, 0.35, 0.13, 0.02],
  [0.3, 0.4, 0.25, 0.05],
  [0.1, 0.35, 0.4, 0.15],
  [0.02, 0.18, 0.4, 0.4],
].map((p) => cumulative(p));
export const CORP_RELATIONSHIP_CUM = [
  [0, 0.1, 0.3, 0.6],
  [0.05, 0.3, 0.45, 0.2],
  [0.3, 0.45, 0.2, 0.05],
].map((p) => cumulative(p));

export function drawAum(tier: number, rng: Rng): number {
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
