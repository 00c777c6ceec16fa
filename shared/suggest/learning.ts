import type { TierKey } from '../customer/tier';
import type { Candidate, Compiled } from './compile';
import { pooled, segmentSlots, bayesRate, conversionPoints } from './conversion';
import type { Cooling, PastOutcome } from './cooldown';
import { coolingOf, coolingText, interestedSince, latestByProduct } from './cooldown';
import type { CoolingItem, RulePoints, SuggestCustomer, SuggestLearning } from './types';

/** What the outcomes say about one customer, worked out once per ranking (Step 15). */
export interface LearnedFacts {
  learning: SuggestLearning;
  latest: ReadonlyMap<string, PastOutcome>;
  cooling: ReadonlyMap<string, Cooling>;
  slots: readonly number[];
  tier: TierKey;
}

const NO_COOLING: ReadonlyMap<string, Cooling> = new Map();

/** The customer's cool-downs by product code (their latest outcome per product) and their conversion cell. */
export function learnedFacts(
  customer: SuggestCustomer,
  learning: SuggestLearning | undefined,
  c: Compiled,
  now: number,
): LearnedFacts | null {
  if (!learning) return null;
  const latest = latestByProduct(learning.outcomes);
  const cooling = new Map<string, Cooling>();
  for (const [code, o] of latest) {
    const idx = c.byCode.get(code);
    const cp = idx !== undefined ? c.products[idx] : undefined;
    if (!cp) continue;
    const cool = coolingOf(o, cp.p.type, customer.riskAssessedAt, learning.config.cooldown, now);
    if (cool) cooling.set(code, cool);
  }
  return { learning, latest, cooling, slots: segmentSlots(customer.segments), tier: customer.tier };
}

export function coolingMap(l: LearnedFacts | null): ReadonlyMap<string, Cooling> {
  return l ? l.cooling : NO_COOLING;
}

/**
 * Adds the learned-conversion points to a scored product's breakdown (they may be negative); returns the rate
 * and the number of outcomes behind it, or undefined when the table has nothing for the product.
 */
export function addConversion(
  l: LearnedFacts | null,
  code: string,
  bd: RulePoints[],
): { rate: number; shown: number } | undefined {
  const table = l?.learning.conversion;
  if (!l || !table) return undefined;
  const cfg = l.learning.config.conversion;
  const { shown, accepted } = pooled(table.get(code), l.slots, l.tier);
  if (shown === 0) return undefined;
  const rate = bayesRate(accepted, shown, cfg);
  const points = conversionPoints(rate, cfg);
  if (points !== 0) bd.push({ rule: 'conversion', points });
  return { rate, shown };
}

/** When the customer was last interested in the product (for the card's mark), or null. */
export function interestedAt(l: LearnedFacts | null, code: string, now: number): number | null {
  if (!l) return null;
  return interestedSince(l.latest.get(code), l.learning.config.cooldown, now);
}

/**
 * Which cooled-down products would have been on the list, and which listed product took each one's place:
 * the top N is picked again with the cooled products in; each cooled product that makes it is paired with a
 * product that got in only because it is gone, else with the first listed product that ranked below it.
 */
export function coolingOutcome(
  l: LearnedFacts,
  picked: readonly Candidate[],
  all: readonly Candidate[],
  wouldBe: readonly Candidate[],
  now: number,
): CoolingItem[] {
  const inPicked = new Set(picked);
  const inWouldBe = new Set(wouldBe);
  const gained = picked.filter((c) => !inWouldBe.has(c));
  const used = new Set<Candidate>();
  const items: CoolingItem[] = [];
  for (const lost of wouldBe) {
    if (!lost.cooling) continue;
    const p = lost.cp.p;
    const why = coolingText(lost.cooling, l.learning.reasonLabels, now);
    items.push({
      productCode: p.code,
      name: { zh: p.name.zh, en: p.name.en },
      outcome: lost.cooling.outcome,
      until: lost.cooling.until,
      why,
    });
    let instead = gained.find((g) => !used.has(g));
    if (!instead) {
      const below = all.slice(all.indexOf(lost) + 1);
      instead = below.find((g) => inPicked.has(g) && !used.has(g));
    }
    if (instead) {
      used.add(instead);
      instead.replaces = {
        zh: `顶替「${p.name.zh}」：${why.zh}`,
        en: `In place of ${p.name.en}: ${why.en}`,
      };
    }
  }
  return items;
}
