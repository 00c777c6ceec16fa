import type { ProductType, RiskLevel, Segment } from '../customer/enums';
import type { Campaign } from './campaigns';
import { campaignInForce, campaignTargets, monthInZone } from './campaigns';
import type { Candidate, CompiledProduct, NeedWeights } from './compile';
import { compile } from './compile';
import type { SuggestConfig } from './config';
import type { EligibilityFacts } from './eligibility';
import { exclusionOf, hasValidRiskAssessment, heldProducts, nextTierGap } from './eligibility';
import { addConversion, coolingMap, coolingOutcome, interestedAt, learnedFacts } from './learning';
import { gapTextOf, suggestHints, toItems } from './spoken';
import type {
  ExcludeReason,
  RulePoints,
  SuggestContext,
  SuggestCustomer,
  SuggestResult,
  SuggestRuleId,
  SuggestVisit,
} from './types';

// The engine's public surface stays importable from here (screens and the server import it by this path).
export { hasValidRiskAssessment, nextTierGap } from './eligibility';
export { EXCLUDE_REASONS, SUGGEST_RULES } from './types';
export type {
  ExcludeReason,
  RulePoints,
  SuggestContext,
  SuggestCustomer,
  SuggestHint,
  SuggestHintCode,
  SuggestHolding,
  SuggestItem,
  SuggestLearning,
  CoolingItem,
  SuggestResult,
  SuggestRuleId,
  SuggestVisit,
} from './types';

function addPoints(bd: RulePoints[] | null, rule: SuggestRuleId, points: number): RulePoints[] | null {
  if (!(points > 0)) return bd;
  const entry = { rule, points };
  if (bd === null) return [entry];
  bd.push(entry);
  return bd;
}

interface CampaignHit {
  boost: number;
  campaigns: Campaign[];
}

function byScoreThenCode(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.cp.p.code < b.cp.p.code ? -1 : a.cp.p.code > b.cp.p.code ? 1 : 0;
}

/** Campaigns in force for this customer, by product code (their boosts add up). */
function campaignHits(
  customer: SuggestCustomer,
  config: SuggestConfig,
  anyMonths: boolean,
  ctx: SuggestContext,
): Map<string, CampaignHit> {
  const byCode = new Map<string, CampaignHit>();
  if (config.campaigns.length === 0) return byCode;
  const month = anyMonths ? monthInZone(ctx.now, ctx.timeZone) : 0;
  for (const camp of config.campaigns) {
    if (!campaignInForce(camp, ctx.now, month) || !campaignTargets(camp, customer)) continue;
    for (const code of camp.productCodes) {
      const hit = byCode.get(code);
      if (hit) {
        hit.boost += camp.boost;
        hit.campaigns.push(camp);
      } else byCode.set(code, { boost: camp.boost, campaigns: [camp] });
    }
  }
  return byCode;
}

/** The top N, at most maxPerType of each product type. */
function pickTop(sorted: readonly Candidate[], config: SuggestConfig): Candidate[] {
  const picked: Candidate[] = [];
  const perType = new Map<ProductType, number>();
  for (const cand of sorted) {
    if (picked.length >= config.topN) break;
    const n = perType.get(cand.cp.p.type) ?? 0;
    if (n >= config.maxPerType) continue;
    perType.set(cand.cp.p.type, n + 1);
    picked.push(cand);
  }
  return picked;
}

/**
 * Ranks the catalogue for one customer at the counter (Step 3, 营销推荐). Pure and deterministic.
 *
 * Hard filters first, never ranked around (`exclusionOf` in eligibility.ts): active, kind, tier-exclusive
 * products, age limits (an unknown age fails any product that has one), required segments, products already
 * held (unless `allowTopUp`), marketing consent and quiet visits (only `marketing: false` service
 * information remains), suitability (risk level ≤ the customer's assessed tolerance; without a
 * valid assessment only R1), and minimum amounts the customer could not fund (see config).
 *
 * Then each remaining product is scored by the rules in `SUGGEST_RULES`; a product no rule scores
 * is not suggested (every suggestion has a reason). Ties break on product code; at most
 * `maxPerType` per product type and `topN` in all. The words (hints, spoken lines) are in spoken.ts.
 */
export function rankSuggestions(
  customer: SuggestCustomer,
  visit: SuggestVisit,
  config: SuggestConfig,
  ctx: SuggestContext,
): SuggestResult {
  const c = compile(config);
  const w = config.weights;
  const { now } = ctx;

  // Per-customer facts, computed once.
  const validRisk = hasValidRiskAssessment(customer, now, config.riskAssessmentValidDays);
  const tolerance: number = validRisk ? (customer.riskLevel as RiskLevel) : 1;
  const bandsApply = config.nextTierGap.kinds.includes(customer.kind);
  const next = bandsApply ? nextTierGap(customer.tier, customer.aumFen, ctx.tierBands) : null;
  const gapInReach = next !== null && next.gapFen <= config.nextTierGap.maxShareOfNextTier * next.band.minFen;

  const intents: NeedWeights[] = [];
  let quiet = false;
  const seenIntents = new Set<string>();
  for (const i of visit.intents) {
    if (seenIntents.has(i)) continue;
    seenIntents.add(i);
    if (c.quiet.has(i)) quiet = true;
    const m = c.intents.get(i);
    if (m) intents.push(m);
  }
  const segments: NeedWeights[] = [];
  const seenSegments = new Set<Segment>();
  for (const s of customer.segments) {
    if (seenSegments.has(s)) continue;
    seenSegments.add(s);
    segments.push(c.segmentNeeds[s]);
  }
  const tierGoal = c.tierGoals[customer.tier];
  const lifecycleGoal = c.lifecycleGoals[customer.lifecycle];
  const learned = learnedFacts(customer, ctx.learning, c, now);
  const grade = customer.corporateGrade !== null ? c.grades[customer.corporateGrade] : null;
  const linked = customer.hasLinkedEntity ? c.linked : null;
  const facts: EligibilityFacts = {
    customer,
    segments: seenSegments,
    ...heldProducts(customer),
    serviceOnly: !customer.marketingConsent || customer.suggestionConsent === false || quiet,
    validRisk,
    tolerance,
    cooling: coolingMap(learned),
  };

  const byCode = campaignHits(customer, config, c.anyMonths, ctx);

  const excluded: Partial<Record<ExcludeReason, number>> = {};
  const candidates: Candidate[] = [];
  // Products a cool-down keeps out, scored all the same to see what takes their place.
  const cooled: Candidate[] = [];

  const products = c.products;
  for (let idx = 0; idx < products.length; idx++) {
    const cp = products[idx] as CompiledProduct;
    const p = cp.p;
    // ── Hard filters ──
    const reason = exclusionOf(cp, facts, config);
    if (reason !== null) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      if (reason !== 'cooldown') continue;
    }

    // ── Scoring ── (allocates only for products some rule scores)
    let intentW = 0;
    for (const need of intents) intentW += need[idx] as number;
    let segmentW = 0;
    for (const need of segments) segmentW += need[idx] as number;
    const hit = byCode.get(p.code);
    let bd: RulePoints[] | null = null;
    bd = addPoints(bd, 'intent', intentW * w.intent);
    if (hit) bd = addPoints(bd, 'campaign', hit.boost * w.campaign);
    if (gapInReach && cp.countsToAum) bd = addPoints(bd, 'next_tier_gap', w.nextTierGap);
    bd = addPoints(bd, 'tier_goal', (tierGoal[idx] as number) * w.tierGoal);
    bd = addPoints(bd, 'segment_need', segmentW * w.segmentNeed);
    if (p.segments && p.segments.some((x) => seenSegments.has(x)))
      bd = addPoints(bd, 'segment_target', w.segmentTarget);
    bd = addPoints(bd, 'lifecycle', (lifecycleGoal[idx] as number) * w.lifecycle);
    if (linked) bd = addPoints(bd, 'linked_entity', (linked[idx] as number) * w.linkedEntity);
    if (grade) bd = addPoints(bd, 'corporate_grade', (grade[idx] as number) * w.corporateGrade);
    if (bd === null) continue;
    const conversion = addConversion(learned, p.code, bd);
    let total = 0;
    for (const b of bd) total += b.points;
    const cand: Candidate = {
      cp,
      // rounded so the score reads cleanly (0.1 + 0.2); ties then break on the code
      score: Math.round(total * 1e6) / 1e6,
      breakdown: bd,
      campaigns: hit && w.campaign > 0 ? hit.campaigns : null,
    };
    if (conversion) cand.conversion = conversion;
    const cool = reason === 'cooldown' ? facts.cooling.get(p.code) : undefined;
    if (cool) {
      cand.cooling = cool;
      cooled.push(cand);
    } else candidates.push(cand);
  }

  candidates.sort(byScoreThenCode);
  const picked = pickTop(candidates, config);
  let coolingDown: SuggestResult['coolingDown'] = [];
  if (learned && cooled.length > 0) {
    const all = [...candidates, ...cooled].sort(byScoreThenCode);
    coolingDown = coolingOutcome(learned, picked, all, pickTop(all, config), now);
  }

  const nextTier = next
    ? { tier: next.band.key, name: { zh: next.band.zh, en: next.band.en }, gapFen: next.gapFen }
    : null;
  const gapText = gapTextOf(nextTier);
  const items = toItems(picked, config, {
    customer,
    tierBands: ctx.tierBands,
    nextTier,
    gapText,
    timeZone: ctx.timeZone,
    learn: learned ? learned.learning.config : null,
    interestedAt: (code) => interestedAt(learned, code, now),
  });
  const hints = suggestHints(customer, quiet, excluded, config, nextTier, gapText);
  return { items, hints, excluded, nextTier, coolingDown };
}
