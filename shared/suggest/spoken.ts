import { formatFenCeilYuan } from '../money';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import type { Candidate } from './compile';
import type { SuggestConfig } from './config';
import type { ReasonContext } from './reasons';
import { reasonsFor } from './reasons';
import type { TemplateVars } from './text';
import { fillTemplate } from './text';
import type {
  ExcludeReason,
  RulePoints,
  SuggestHint,
  SuggestItem,
  SuggestCustomer,
  SuggestResult,
  SuggestRuleId,
} from './types';
import { SUGGEST_RULES } from './types';

// What the teller reads: the hints above the list and the one line said aloud for each suggestion.

// ── Hints ───────────────────────────────────────────────────────────────────────────

const HINT_NO_CONSENT: SuggestHint = {
  code: 'no_marketing_consent',
  zh: '客户未同意接收营销，只可介绍服务信息，不得推销产品。',
  en: 'No marketing consent: share service information only, do not promote products.',
};

const HINT_NO_SUGGESTION_CONSENT: SuggestHint = {
  code: 'no_suggestion_consent',
  zh: '客户已撤回"基于持有产品的推荐"授权，只可介绍本次业务所需的服务信息。',
  en: 'The customer withdrew consent to suggestions based on holdings: service information for this visit only.',
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

/** The hints shown above the suggestions, in a fixed order. */
export function suggestHints(
  customer: Pick<SuggestCustomer, 'marketingConsent' | 'suggestionConsent' | 'riskAssessedAt' | 'riskLevel'>,
  quiet: boolean,
  excluded: Partial<Record<ExcludeReason, number>>,
  config: SuggestConfig,
  nextTier: SuggestResult['nextTier'],
  gapText: string | undefined,
): SuggestHint[] {
  const hints: SuggestHint[] = [];
  if (!customer.marketingConsent) hints.push(HINT_NO_CONSENT);
  else if (customer.suggestionConsent === false) hints.push(HINT_NO_SUGGESTION_CONSENT);
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
  return hints;
}

// ── Spoken lines ────────────────────────────────────────────────────────────────────

const RULE_ORDER: Record<SuggestRuleId, number> = Object.fromEntries(
  SUGGEST_RULES.map((r, i) => [r, i]),
) as Record<SuggestRuleId, number>;

function byPointsThenRule(a: RulePoints, b: RulePoints): number {
  if (a.points !== b.points) return b.points - a.points;
  return RULE_ORDER[a.rule] - RULE_ORDER[b.rule];
}

function byBoostThenId(a: Campaign, b: Campaign): number {
  if (a.boost !== b.boost) return b.boost - a.boost;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The tier-gap amount as said aloud (whole yuan, rounded up); undefined when there is no next tier. */
export function gapTextOf(nextTier: SuggestResult['nextTier']): string | undefined {
  return nextTier ? formatFenCeilYuan(nextTier.gapFen) : undefined;
}

/** The picked candidates as suggestion items, in order. */
export function toItems(
  picked: readonly Candidate[],
  config: SuggestConfig,
  rc: ReasonContext,
): SuggestItem[] {
  // A campaign or tier-gap lead-in is said once, with the first suggestion it belongs to; repeating the same
  // opening before every product sounds like a script, so later lines keep only their own pitch.
  const saidLeads = new Set<string>();
  return picked.map((cand) => toItem(cand, config, rc, saidLeads));
}

function toItem(
  cand: Candidate,
  config: SuggestConfig,
  rc: ReasonContext,
  saidLeads: Set<string>,
): SuggestItem {
  const { nextTier, gapText } = rc;
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
    reasons: reasonsFor(cand, breakdown, campaigns, rc),
    interestedAt: rc.interestedAt(p.code),
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
