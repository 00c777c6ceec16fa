import { SEGMENTS, type Segment } from '../customer/enums';
import { TIER_KEYS, type TierKey } from '../customer/tier';
import type { Outcome } from '../visit/config';
import { DAY_MS } from './cooldown';
import type { LearnConfig } from './learn-config';

/**
 * Conversion learned from the branch's own outcomes, per product × segment × tier (Step 15).
 *
 * Every standing outcome is one time the product was put to a customer ("shown"); `accepted` ones are
 * conversions. A cell's rate is the Bayesian average under a Beta(m·k, (1−m)·k) prior:
 *
 *     p = (accepted + m·k) / (shown + k)        m = priorRate, k = priorStrength
 *
 * so a product nobody has been offered yet sits at the prior (p = m) and is neither lifted nor buried, and
 * a handful of outcomes moves it only a little. The ranking adds `weight × (p − m) × 10` points.
 *
 * A customer with several segments counts in each segment's cell; one with none counts in the "no segment"
 * cell. The ranking pools the cells of the customer's own segments (or the no-segment cell) at their tier.
 *
 * The table is a sum over a set of outcome rows, so it does not depend on the order rows arrive in: a terminal
 * that ranks offline uses the outcomes it has, and after sync every terminal with the same rows has the same
 * table (rows are deduplicated by id here as in the database).
 */

/** One standing outcome with the customer's segments and tier, for counting. */
export interface OutcomeFact {
  id: string;
  productCode: string;
  outcome: Outcome;
  segments: readonly Segment[];
  tier: TierKey;
  at: number;
}

const SEG_SLOTS = SEGMENTS.length + 1; // the last slot: customers with no segment
const NO_SEGMENT = SEGMENTS.length;
const CELLS = SEG_SLOTS * TIER_KEYS.length;
const SEG_INDEX = new Map<Segment, number>(SEGMENTS.map((s, i) => [s, i]));
const TIER_INDEX = new Map<TierKey, number>(TIER_KEYS.map((t, i) => [t, i]));

/** Counts per cell (segment slot × tier) for one product. */
export interface ProductCounts {
  shown: Int32Array;
  accepted: Int32Array;
}

export type ConversionTable = ReadonlyMap<string, ProductCounts>;

function cell(seg: number, tier: number): number {
  return seg * TIER_KEYS.length + tier;
}

/** The table from the outcomes inside the window (`windowDays` before `now`); duplicates (same id) count once. */
export function buildConversion(
  facts: Iterable<OutcomeFact>,
  now: number,
  cfg: LearnConfig['conversion'],
): Map<string, ProductCounts> {
  const since = now - cfg.windowDays * DAY_MS;
  const seen = new Set<string>();
  const table = new Map<string, ProductCounts>();
  for (const f of facts) {
    if (f.at < since || f.at > now || seen.has(f.id)) continue;
    seen.add(f.id);
    const t = TIER_INDEX.get(f.tier);
    if (t === undefined) continue;
    let counts = table.get(f.productCode);
    if (!counts) {
      counts = { shown: new Int32Array(CELLS), accepted: new Int32Array(CELLS) };
      table.set(f.productCode, counts);
    }
    const won = f.outcome === 'accepted' ? 1 : 0;
    let any = false;
    for (const s of new Set(f.segments)) {
      const si = SEG_INDEX.get(s);
      if (si === undefined) continue;
      any = true;
      (counts.shown[cell(si, t)] as number)++;
      (counts.accepted[cell(si, t)] as number) += won;
    }
    if (!any) {
      (counts.shown[cell(NO_SEGMENT, t)] as number)++;
      (counts.accepted[cell(NO_SEGMENT, t)] as number) += won;
    }
  }
  return table;
}

/** Cell slots for a customer: their segments' slots, or the no-segment slot. */
export function segmentSlots(segments: readonly Segment[]): number[] {
  const slots: number[] = [];
  for (const s of new Set(segments)) {
    const i = SEG_INDEX.get(s);
    if (i !== undefined) slots.push(i);
  }
  return slots.length > 0 ? slots : [NO_SEGMENT];
}

/** Pooled counts of one product for a customer's segment slots at a tier. */
export function pooled(
  counts: ProductCounts | undefined,
  slots: readonly number[],
  tier: TierKey,
): { shown: number; accepted: number } {
  if (!counts) return { shown: 0, accepted: 0 };
  const t = TIER_INDEX.get(tier) ?? 0;
  let shown = 0;
  let accepted = 0;
  for (const s of slots) {
    shown += counts.shown[cell(s, t)] as number;
    accepted += counts.accepted[cell(s, t)] as number;
  }
  return { shown, accepted };
}

/** The Bayesian average p = (accepted + m·k) / (shown + k). */
export function bayesRate(accepted: number, shown: number, cfg: LearnConfig['conversion']): number {
  return (accepted + cfg.priorRate * cfg.priorStrength) / (shown + cfg.priorStrength);
}

/** Points the learned rate adds to (or takes from) a product's score: weight × (p − m) × 10. */
export function conversionPoints(rate: number, cfg: LearnConfig['conversion']): number {
  return cfg.weight * (rate - cfg.priorRate) * 10;
}

/** Whether the learned rate is far enough from the prior, on enough outcomes, to be said aloud. */
export function sayableLift(
  rate: number,
  shown: number,
  cfg: LearnConfig['conversion'],
): 'higher' | 'lower' | null {
  if (shown < cfg.minShown) return null;
  const d = rate - cfg.priorRate;
  if (d >= cfg.sayableDelta) return 'higher';
  if (d <= -cfg.sayableDelta) return 'lower';
  return null;
}

/** Two tables are equal (same products, same counts): used by the convergence tests. */
export function sameConversion(a: ConversionTable, b: ConversionTable): boolean {
  if (a.size !== b.size) return false;
  for (const [code, ca] of a) {
    const cb = b.get(code);
    if (!cb) return false;
    for (let i = 0; i < CELLS; i++) {
      if (ca.shown[i] !== cb.shown[i] || ca.accepted[i] !== cb.accepted[i]) return false;
    }
  }
  return true;
}
