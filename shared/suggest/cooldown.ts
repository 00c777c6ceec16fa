import type { ProductType } from '../customer/enums';
import { branchDay } from '../queue/numbering';
import type { Outcome } from '../visit/config';
import type { LearnConfig } from './learn-config';
import type { Bilingual } from './text';

/**
 * Cool-downs (Step 15): what the customer said last about a product decides whether it is suggested again.
 * Pure; the periods are data (`suggestLearning.cooldown`). Only the latest standing outcome per product counts
 * (undone key presses and their compensating rows are left out before this point).
 */

export const DAY_MS = 86_400_000;

/** One standing outcome of the customer's history, as the ranking reads it. */
export interface PastOutcome {
  productCode: string;
  outcome: Outcome;
  /** Decline reason key (visit.declineReasons), for declines. */
  reason: string | null;
  at: number;
}

/** A product kept out of the suggestions for now, and why. */
export interface Cooling {
  outcome: Exclude<Outcome, 'interested'>;
  reason: string | null;
  at: number;
  /** Epoch ms it may be suggested again; null = until a new risk assessment (not suitable). */
  until: number | null;
}

/** The latest outcome per product code; on equal times the later one in the list wins (stable). */
export function latestByProduct(outcomes: readonly PastOutcome[]): Map<string, PastOutcome> {
  const out = new Map<string, PastOutcome>();
  for (const o of outcomes) {
    const seen = out.get(o.productCode);
    if (!seen || o.at >= seen.at) out.set(o.productCode, o);
  }
  return out;
}

/** Days a decline with this reason keeps the product out. */
export function declinedDays(reason: string | null, cfg: LearnConfig['cooldown']): number {
  return (reason !== null ? cfg.declinedDaysByReason[reason] : undefined) ?? cfg.declinedDefaultDays;
}

/** Days an acceptance keeps a product of this type out (until it could be bought again). */
export function acceptedDays(type: ProductType, cfg: LearnConfig['cooldown']): number {
  return cfg.acceptedDaysByType[type] ?? cfg.acceptedDefaultDays;
}

/**
 * Whether the latest outcome `o` keeps a product of type `type` out at `now`, and until when.
 * - declined → for `declinedDays(reason)` days;
 * - accepted → for `acceptedDays(type)` days;
 * - not suitable → until a risk assessment newer than the outcome is on file (`riskAssessedAt > o.at`);
 * - interested → never (it stays, with a mark on the card).
 */
export function coolingOf(
  o: PastOutcome,
  type: ProductType,
  riskAssessedAt: number | null,
  cfg: LearnConfig['cooldown'],
  now: number,
): Cooling | null {
  switch (o.outcome) {
    case 'interested':
      return null;
    case 'not_suitable': {
      if (!cfg.notSuitableUntilReassessed) return null;
      const reassessed = riskAssessedAt !== null && riskAssessedAt > o.at;
      return reassessed ? null : { outcome: o.outcome, reason: o.reason, at: o.at, until: null };
    }
    case 'declined':
    case 'accepted': {
      const d = o.outcome === 'declined' ? declinedDays(o.reason, cfg) : acceptedDays(type, cfg);
      const until = o.at + d * DAY_MS;
      return now < until ? { outcome: o.outcome, reason: o.reason, at: o.at, until } : null;
    }
  }
}

/** The "interested" mark shown on the card, when the latest outcome is one inside `interestedMarkDays`. */
export function interestedSince(
  o: PastOutcome | undefined,
  cfg: LearnConfig['cooldown'],
  now: number,
): number | null {
  if (!o || o.outcome !== 'interested') return null;
  return now - o.at <= cfg.interestedMarkDays * DAY_MS ? o.at : null;
}

/** Whole days between `at` and `now` (0 = today or in the future). */
export function daysAgo(at: number, now: number): number {
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

function ago(at: number, now: number): Bilingual {
  const d = daysAgo(at, now);
  if (d === 0) return { zh: '今天', en: 'today' };
  return { zh: `${d} 天前`, en: d === 1 ? '1 day ago' : `${d} days ago` };
}

/** Decline reasons by key, as the visit settings name them. */
export type ReasonLabels = ReadonlyMap<string, Bilingual>;

/**
 * What the teller can say about a cool-down: "上次拒绝：暂不需要（45 天前）", "上次已接受（12 天前）",
 * "上次评估不适合，需重新做风险测评".
 */
export function coolingText(c: Cooling, labels: ReasonLabels, now: number): Bilingual {
  const when = ago(c.at, now);
  switch (c.outcome) {
    case 'declined': {
      const r = c.reason !== null ? labels.get(c.reason) : undefined;
      return r
        ? { zh: `上次拒绝：${r.zh}（${when.zh}）`, en: `Declined ${when.en}: ${r.en.toLowerCase()}` }
        : { zh: `上次拒绝（${when.zh}）`, en: `Declined ${when.en}` };
    }
    case 'accepted':
      return { zh: `上次已接受（${when.zh}）`, en: `Accepted ${when.en}` };
    case 'not_suitable':
      return {
        zh: `上次评估不适合（${when.zh}），需重新做风险测评`,
        en: `Found not suitable ${when.en}; needs a new risk assessment`,
      };
  }
}

/** "上次有意向（2026-11-02）", the date in the branch's zone. */
export function interestedText(at: number, timeZone: string): Bilingual {
  const day = branchDay(at, timeZone);
  return { zh: `上次有意向（${day}）`, en: `Interested last time (${day})` };
}
