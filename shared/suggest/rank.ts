import type {
  CorporateGrade,
  CustomerKind,
  Lifecycle,
  ProductType,
  RiskLevel,
  Segment,
} from '../customer/enums';
import { AUM_PRODUCT_TYPES } from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { Fen } from '../money';
import { formatFenCeilYuan } from '../money';
import type { Campaign } from './campaigns';
import { campaignInForce, campaignTargets, monthInZone } from './campaigns';
import type { Product } from './catalogue';
import type { ProductMatcher, ProductNeed, SuggestConfig } from './config';
import type { Bilingual, TemplateVars } from './text';
import { fillTemplate } from './text';

const DAY_MS = 86_400_000;

export interface SuggestHolding {
  productType: ProductType;
  productCode: string | null;
  balanceFen: Fen;
}

export interface SuggestCustomer {
  kind: CustomerKind;
  tier: TierKey;
  aumFen: Fen;
  segments: readonly Segment[];
  lifecycle: Lifecycle;
  /** Whole years in the branch's calendar; null when unknown (always for corporates). */
  age: number | null;
  /** Assessed tolerance C1–C5 (风险测评结果). */
  riskLevel: RiskLevel | null;
  riskAssessedAt: number | null;
  marketingConsent: boolean;
  holdings: readonly SuggestHolding[];
  corporateGrade: CorporateGrade | null;
  hasLinkedEntity: boolean;
}

export interface SuggestVisit {
  intents: readonly string[];
}

export interface SuggestContext {
  now: number;
  /** The branch's IANA zone, for recurring campaign months. */
  timeZone: string;
  tierBands: readonly TierBand[];
}

/** Ranking rules, in the order used to break ties between equal contributions. */
export const SUGGEST_RULES = [
  'intent',
  'campaign',
  'next_tier_gap',
  'tier_goal',
  'segment_need',
  'segment_target',
  'lifecycle',
  'linked_entity',
  'corporate_grade',
] as const;
export type SuggestRuleId = (typeof SUGGEST_RULES)[number];

/** Hard filters, in the order they are checked; a product is counted under the first that removes it. */
export const EXCLUDE_REASONS = [
  'inactive',
  'kind',
  'tier',
  'age',
  'segment',
  'held',
  'consent',
  'quiet_visit',
  'risk_assessment',
  'risk_level',
  'min_amount',
] as const;
export type ExcludeReason = (typeof EXCLUDE_REASONS)[number];

export type SuggestHintCode =
  'no_marketing_consent' | 'quiet_visit' | 'risk_assessment_needed' | 'next_tier_gap';

export interface SuggestHint {
  code: SuggestHintCode;
  zh: string;
  en: string;
}

/** What one rule added to a product's score. */
export interface RulePoints {
  rule: SuggestRuleId;
  points: number;
}

export interface SuggestItem {
  productCode: string;
  name: Bilingual;
  type: ProductType;
  riskLevel: RiskLevel | null;
  /** false = service information, not a product pitch. */
  marketing: boolean;
  score: number;
  /** Ids of the rules that scored it, biggest contribution first. */
  rules: SuggestRuleId[];
  /** The same rules with their points; they add up to `score`. */
  breakdown: RulePoints[];
  /** Campaigns in force that lifted it. */
  campaignIds: string[];
  /** The one line the teller says aloud. */
  say: Bilingual;
}

export interface SuggestResult {
  items: SuggestItem[];
  hints: SuggestHint[];
  /** How many catalogue products each hard filter removed. */
  excluded: Partial<Record<ExcludeReason, number>>;
  /** The next tier up and the AUM still missing; null at the top tier or for kinds the bands do not apply to. */
  nextTier: { tier: TierKey; name: Bilingual; gapFen: Fen } | null;
}

// ── Compiled config ─────────────────────────────────────────────────────────────────
// Built once per config object and reused across calls (configs are immutable values:
// settings replace the object, they never edit it in place). Every table entry (a tier's goal,
// a segment's needs, an intent…) becomes one weight per product, so ranking is array lookups.

interface CompiledProduct {
  p: Product;
  countsToAum: boolean;
  minAmountApplies: boolean;
  singleHolding: boolean;
}

/** Weight of one table entry for each product, by catalogue index (0 = not selected). */
type NeedWeights = Float64Array;

interface Compiled {
  products: CompiledProduct[];
  tierGoals: Record<TierKey, NeedWeights>;
  segmentNeeds: Record<Segment, NeedWeights>;
  lifecycleGoals: Record<Lifecycle, NeedWeights>;
  intents: Map<string, NeedWeights>;
  grades: Record<CorporateGrade, NeedWeights>;
  linked: NeedWeights;
  quiet: ReadonlySet<string>;
  anyMonths: boolean;
}

const compiledCache = new WeakMap<SuggestConfig, Compiled>();
const AUM_TYPES: ReadonlySet<ProductType> = new Set(AUM_PRODUCT_TYPES);

function matches(m: ProductMatcher, p: Product, tags: ReadonlySet<string>): boolean {
  if (m.codes?.includes(p.code) || m.types?.includes(p.type)) return true;
  return m.tags?.some((t) => tags.has(t)) ?? false;
}

/** Per product, the biggest weight among the need's matchers that select it; 0 when none does. */
function compileNeed(
  need: ProductNeed,
  products: readonly Product[],
  tags: readonly ReadonlySet<string>[],
): NeedWeights {
  const out = new Float64Array(products.length);
  products.forEach((p, i) => {
    for (const m of need) {
      const w = m.weight ?? 1;
      if (w > (out[i] as number) && matches(m, p, tags[i] as ReadonlySet<string>)) out[i] = w;
    }
  });
  return out;
}

function mapRecord<K extends string, A, B>(rec: Record<K, A>, f: (a: A) => B): Record<K, B> {
  const out = {} as Record<K, B>;
  for (const k of Object.keys(rec) as K[]) out[k] = f(rec[k]);
  return out;
}

function compile(cfg: SuggestConfig): Compiled {
  const cached = compiledCache.get(cfg);
  if (cached) return cached;
  const minTypes = new Set(cfg.minAmount.appliesTo);
  const single = new Set(cfg.singleHoldingTypes);
  const products = cfg.products;
  const tags = products.map((p) => new Set([...(p.goals ?? []), ...(p.tags ?? [])]));
  const need = (n: ProductNeed) => compileNeed(n, products, tags);
  const compiled: Compiled = {
    products: products.map((p) => ({
      p,
      countsToAum: AUM_TYPES.has(p.type),
      minAmountApplies: p.minAmountFen !== undefined && minTypes.has(p.type),
      singleHolding: single.has(p.type),
    })),
    tierGoals: mapRecord(cfg.tierGoals, need),
    segmentNeeds: mapRecord(cfg.segmentNeeds, need),
    lifecycleGoals: mapRecord(cfg.lifecycleGoals, need),
    intents: new Map(Object.entries(cfg.intentAffinity).map(([k, n]) => [k, need(n)])),
    grades: mapRecord(cfg.corporateGradeNeeds, need),
    linked: need(cfg.linkedEntityGoals),
    quiet: new Set(cfg.quietIntents),
    anyMonths: cfg.campaigns.some((c) => c.months !== undefined),
  };
  compiledCache.set(cfg, compiled);
  return compiled;
}

// ── Helpers other modules use ───────────────────────────────────────────────────────

/** A risk assessment counts when it exists and is at most `validDays` old (inclusive). */
export function hasValidRiskAssessment(
  c: Pick<SuggestCustomer, 'riskLevel' | 'riskAssessedAt'>,
  now: number,
  validDays: number,
): boolean {
  return c.riskLevel !== null && c.riskAssessedAt !== null && now - c.riskAssessedAt <= validDays * DAY_MS;
}

/** The tier above `tier` and the AUM still missing to reach it; null at the top or if the data is stale. */
export function nextTierGap(
  tier: TierKey,
  aumFen: Fen,
  bands: readonly TierBand[],
): { band: TierBand; gapFen: Fen } | null {
  const idx = bands.findIndex((b) => b.key === tier);
  if (idx < 0) return null;
  const band = bands[idx + 1];
  if (!band) return null;
  const gapFen = band.minFen - Math.max(0, aumFen);
  return gapFen > 0 ? { band, gapFen } : null;
}

// ── Hints ───────────────────────────────────────────────────────────────────────────

const HINT_NO_CONSENT: SuggestHint = {
  code: 'no_marketing_consent',
  zh: '客户未同意接收营销，只可介绍服务信息，不得推销产品。',
  en: 'No marketing consent: share service information only, do not promote products.',
};

const HINT_QUIET: SuggestHint = {
  code: 'quiet_visit',
  zh: '本次来访事由（如投诉）不宜营销，只提供服务信息。',
  en: 'This visit (e.g. a complaint) is not a moment for marketing: service information only.',
};

function riskHint(expired: boolean, validDays: number): SuggestHint {
  return expired
    ? {
        code: 'risk_assessment_needed',
        zh: `需先做风险测评：上次测评已超过${validDays}天有效期，暂只能推荐R1级及非投资类产品。`,
        en: `Risk assessment needed first: the last one is older than ${validDays} days, so only R1 and non-investment products are shown.`,
      }
    : {
        code: 'risk_assessment_needed',
        zh: '需先做风险测评：客户还没有风险测评结果，暂只能推荐R1级及非投资类产品。',
        en: 'Risk assessment needed first: there is no assessment on file, so only R1 and non-investment products are shown.',
      };
}

// ── The engine ──────────────────────────────────────────────────────────────────────

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

interface Candidate {
  cp: CompiledProduct;
  score: number;
  breakdown: RulePoints[];
  campaigns: Campaign[] | null;
}

const RULE_ORDER: Record<SuggestRuleId, number> = Object.fromEntries(
  SUGGEST_RULES.map((r, i) => [r, i]),
) as Record<SuggestRuleId, number>;

function byScoreThenCode(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.cp.p.code < b.cp.p.code ? -1 : a.cp.p.code > b.cp.p.code ? 1 : 0;
}

function byPointsThenRule(a: RulePoints, b: RulePoints): number {
  if (a.points !== b.points) return b.points - a.points;
  return RULE_ORDER[a.rule] - RULE_ORDER[b.rule];
}

function byBoostThenId(a: Campaign, b: Campaign): number {
  if (a.boost !== b.boost) return b.boost - a.boost;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Ranks the catalogue for one customer at the counter (Step 3, 营销推荐). Pure and deterministic.
 *
 * Hard filters first, never ranked around: active, kind, tier-exclusive products, age limits
 * (an unknown age fails any product that has one), required segments, products already held
 * (unless `allowTopUp`), marketing consent and quiet visits (only `marketing: false` service
 * information remains), suitability (risk level ≤ the customer's assessed tolerance; without a
 * valid assessment only R1), and minimum amounts the customer could not fund (see config).
 *
 * Then each remaining product is scored by the rules in `SUGGEST_RULES`; a product no rule scores
 * is not suggested (every suggestion has a reason). Ties break on product code; at most
 * `maxPerType` per product type and `topN` in all.
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

  const heldCodes = new Set<string>();
  const heldTypes = new Set<ProductType>();
  for (const h of customer.holdings) {
    heldTypes.add(h.productType);
    if (h.productCode !== null) heldCodes.add(h.productCode);
  }

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
  const grade = customer.corporateGrade !== null ? c.grades[customer.corporateGrade] : null;
  const linked = customer.hasLinkedEntity ? c.linked : null;
  const serviceOnly = !customer.marketingConsent || quiet;

  // Campaigns in force for this customer, by product code.
  const byCode = new Map<string, CampaignHit>();
  if (config.campaigns.length > 0) {
    const month = c.anyMonths ? monthInZone(now, ctx.timeZone) : 0;
    for (const camp of config.campaigns) {
      if (!campaignInForce(camp, now, month) || !campaignTargets(camp, customer)) continue;
      for (const code of camp.productCodes) {
        const hit = byCode.get(code);
        if (hit) {
          hit.boost += camp.boost;
          hit.campaigns.push(camp);
        } else byCode.set(code, { boost: camp.boost, campaigns: [camp] });
      }
    }
  }

  const excluded: Partial<Record<ExcludeReason, number>> = {};
  const exclude = (r: ExcludeReason) => {
    excluded[r] = (excluded[r] ?? 0) + 1;
  };
  const candidates: Candidate[] = [];

  const products = c.products;
  for (let idx = 0; idx < products.length; idx++) {
    const cp = products[idx] as CompiledProduct;
    const p = cp.p;
    // ── Hard filters ──
    if (p.active === false) {
      exclude('inactive');
      continue;
    }
    if (!p.kinds.includes(customer.kind)) {
      exclude('kind');
      continue;
    }
    if (p.tiers && !p.tiers.includes(customer.tier)) {
      exclude('tier');
      continue;
    }
    if (p.minAge !== undefined || p.maxAge !== undefined) {
      const age = customer.age;
      if (
        age === null ||
        (p.minAge !== undefined && age < p.minAge) ||
        (p.maxAge !== undefined && age > p.maxAge)
      ) {
        exclude('age');
        continue;
      }
    }
    if (p.segmentsRequired && !(p.segments ?? []).some((s) => seenSegments.has(s))) {
      exclude('segment');
      continue;
    }
    if (!p.allowTopUp && (heldCodes.has(p.code) || (cp.singleHolding && heldTypes.has(p.type)))) {
      exclude('held');
      continue;
    }
    if (p.marketing && serviceOnly) {
      exclude(customer.marketingConsent ? 'quiet_visit' : 'consent');
      continue;
    }
    if (p.riskLevel !== null && p.riskLevel > tolerance) {
      exclude(validRisk ? 'risk_level' : 'risk_assessment');
      continue;
    }
    if (
      cp.minAmountApplies &&
      (p.minAmountFen as number) > config.minAmount.withinReachFen &&
      (p.minAmountFen as number) > customer.aumFen * config.minAmount.aumMultiple
    ) {
      exclude('min_amount');
      continue;
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
    let total = 0;
    for (const b of bd) total += b.points;
    candidates.push({
      cp,
      // rounded so the score reads cleanly (0.1 + 0.2); ties then break on the code
      score: Math.round(total * 1e6) / 1e6,
      breakdown: bd,
      campaigns: hit && w.campaign > 0 ? hit.campaigns : null,
    });
  }

  candidates.sort(byScoreThenCode);

  // Pick the top N, at most maxPerType of each type.
  const picked: Candidate[] = [];
  const perType = new Map<ProductType, number>();
  for (const cand of candidates) {
    if (picked.length >= config.topN) break;
    const n = perType.get(cand.cp.p.type) ?? 0;
    if (n >= config.maxPerType) continue;
    perType.set(cand.cp.p.type, n + 1);
    picked.push(cand);
  }

  const nextTier = next
    ? { tier: next.band.key, name: { zh: next.band.zh, en: next.band.en }, gapFen: next.gapFen }
    : null;
  const gapText = next ? formatFenCeilYuan(next.gapFen) : undefined;
  // A campaign or tier-gap lead-in is said once, with the first suggestion it belongs to; repeating the same
  // opening before every product sounds like a script, so later lines keep only their own pitch.
  const saidLeads = new Set<string>();
  const items = picked.map((cand) => toItem(cand, config, nextTier, gapText, saidLeads));

  const hints: SuggestHint[] = [];
  if (!customer.marketingConsent) hints.push(HINT_NO_CONSENT);
  if (quiet) hints.push(HINT_QUIET);
  if ((excluded.risk_assessment ?? 0) > 0) {
    hints.push(
      riskHint(
        customer.riskAssessedAt !== null && customer.riskLevel !== null,
        config.riskAssessmentValidDays,
      ),
    );
  }
  if (nextTier && gapText) {
    hints.push({
      code: 'next_tier_gap',
      zh: `距${nextTier.name.zh}还差 ${gapText}`,
      en: `${gapText} short of ${nextTier.name.en}`,
    });
  }

  return { items, hints, excluded, nextTier };
}

function toItem(
  cand: Candidate,
  config: SuggestConfig,
  nextTier: SuggestResult['nextTier'],
  gapText: string | undefined,
  saidLeads: Set<string>,
): SuggestItem {
  const p = cand.cp.p;
  const breakdown = [...cand.breakdown].sort(byPointsThenRule);
  const campaigns = cand.campaigns ? [...cand.campaigns].sort(byBoostThenId) : [];
  const zh = sayLine('zh', p, breakdown, campaigns, config, nextTier, gapText);
  const en = sayLine('en', p, breakdown, campaigns, config, nextTier, gapText);
  const repeated = zh.lead !== '' && saidLeads.has(zh.lead);
  saidLeads.add(zh.lead);
  const say = repeated ? { zh: zh.pitch, en: en.pitch } : { zh: zh.lead + zh.pitch, en: en.lead + en.pitch };
  return {
    productCode: p.code,
    name: { zh: p.name.zh, en: p.name.en },
    type: p.type,
    riskLevel: p.riskLevel,
    marketing: p.marketing,
    score: cand.score,
    rules: breakdown.map((b) => b.rule),
    breakdown,
    campaignIds: campaigns.map((x) => x.id),
    say,
  };
}

/**
 * Lead-in from the biggest contributing rule that has words of its own (a campaign's pitch, or the
 * gap to the next tier), then the product's pitch. Templates whose placeholders cannot be filled
 * are skipped, or for the pitch replaced by the fallback line.
 */
function sayLine(
  lang: 'zh' | 'en',
  p: Product,
  breakdown: readonly { rule: SuggestRuleId }[],
  campaigns: readonly Campaign[],
  config: SuggestConfig,
  nextTier: SuggestResult['nextTier'],
  gapText: string | undefined,
): { lead: string; pitch: string } {
  const vars: TemplateVars = { gap: gapText, tierNext: nextTier?.name[lang], name: p.name[lang] };
  let lead = '';
  for (const b of breakdown) {
    if (b.rule === 'campaign') {
      for (const camp of campaigns) {
        const line = camp.pitch ? fillTemplate(camp.pitch[lang], vars) : null;
        if (line !== null) {
          lead = line;
          break;
        }
      }
    } else if (b.rule === 'next_tier_gap') {
      lead = fillTemplate(config.lines.nextTierGap[lang], vars) ?? '';
    }
    if (lead !== '') break;
  }
  const pitch =
    fillTemplate(p.pitch[lang], vars) ?? fillTemplate(config.lines.fallbackPitch[lang], vars) ?? p.name[lang];
  return { lead, pitch };
}
