import type { Segment } from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { Campaign } from './campaigns';
import type { Candidate } from './compile';
import { sayableLift } from './conversion';
import { interestedText } from './cooldown';
import type { LearnConfig } from './learn-config';
import type { Bilingual } from './text';
import type { RulePoints, SuggestCustomer, SuggestResult } from './types';

/**
 * The one or two reasons on a suggestion card, in words a teller can say to the customer or to themselves —
 * never a score, never a row of identical tags (Step 15). Most telling first: the customer's own earlier
 * interest, the product it replaces, what the branch's outcomes say, then the rules that scored most.
 */

export const MAX_REASONS = 2;

const SEGMENT_NAMES: Record<Segment, Bilingual> = {
  executive: { zh: '企业高管', en: 'executives' },
  elderly: { zh: '老年客户', en: 'older customers' },
  merchant: { zh: '商户', en: 'merchants' },
  women: { zh: '女性客户', en: 'women customers' },
  rural: { zh: '县域农户', en: 'rural customers' },
};

/** What the reasons need to know about the customer, the visit and the branch. */
export interface ReasonContext {
  customer: Pick<SuggestCustomer, 'tier' | 'segments' | 'lifecycle' | 'kind'>;
  tierBands: readonly TierBand[];
  nextTier: SuggestResult['nextTier'];
  gapText: string | undefined;
  timeZone: string;
  learn: LearnConfig | null;
  interestedAt: (code: string) => number | null;
}

function tierName(ctx: ReasonContext, t: TierKey): Bilingual {
  const b = ctx.tierBands.find((x) => x.key === t);
  return { zh: b?.zh ?? t, en: b?.en ?? t };
}

function segmentOf(ctx: ReasonContext, cand: Candidate): Bilingual | null {
  const mine = ctx.customer.segments;
  const s = cand.cp.p.segments?.find((x) => mine.includes(x)) ?? mine[0];
  return s ? SEGMENT_NAMES[s] : null;
}

/** The words for one rule's contribution, or null when the rule has nothing to say for this product. */
function ruleReason(
  b: RulePoints,
  cand: Candidate,
  campaigns: readonly Campaign[],
  ctx: ReasonContext,
): Bilingual | null {
  switch (b.rule) {
    case 'intent':
      return { zh: '与客户本次来办的业务相关', en: 'Fits what the customer came in for' };
    case 'campaign': {
      const c = campaigns[0];
      if (!c) return null;
      return c.reason ?? { zh: '本期推荐产品', en: 'Featured this season' };
    }
    case 'next_tier_gap':
      return ctx.nextTier && ctx.gapText
        ? {
            zh: `再存 ${ctx.gapText} 可升为${ctx.nextTier.name.zh}`,
            en: `${ctx.gapText} more makes them ${ctx.nextTier.name.en}`,
          }
        : null;
    case 'tier_goal': {
      const t = tierName(ctx, ctx.customer.tier);
      return { zh: `${t.zh}的经营重点`, en: `A focus for ${t.en} customers` };
    }
    case 'segment_need':
    case 'segment_target': {
      const s = segmentOf(ctx, cand);
      return s ? { zh: `适合${s.zh}`, en: `Suits ${s.en}` } : null;
    }
    case 'lifecycle':
      return ctx.customer.lifecycle === 'new'
        ? { zh: '新客户开户常用', en: 'What new customers usually set up' }
        : { zh: '客户久未来往，可借此唤醒', en: 'A way back in after a long quiet spell' };
    case 'linked_entity':
      return { zh: '客户有关联企业，可公私联动', en: 'Linked to a company: private and corporate together' };
    case 'corporate_grade':
      return { zh: '符合该企业评级的经营重点', en: 'A focus for companies of this grade' };
    case 'conversion':
      return null; // said from the learned rate below, only when it is telling
  }
}

/** What the product is for, from its first need tag that has words in `tagReasons`. */
function tagReason(cand: Candidate, ctx: ReasonContext): Bilingual | null {
  if (!ctx.learn) return null;
  for (const t of cand.cp.p.tags ?? []) {
    const r = ctx.learn.tagReasons[t];
    if (r) return r;
  }
  return null;
}

/** One or two sayable reasons for a listed product (`breakdown` sorted biggest first). */
export function reasonsFor(
  cand: Candidate,
  breakdown: readonly RulePoints[],
  campaigns: readonly Campaign[],
  ctx: ReasonContext,
): Bilingual[] {
  const out: Bilingual[] = [];
  const add = (r: Bilingual | null) => {
    if (r && out.length < MAX_REASONS && !out.some((x) => x.zh === r.zh)) out.push(r);
  };
  const interested = ctx.interestedAt(cand.cp.p.code);
  if (interested !== null) add(interestedText(interested, ctx.timeZone));
  if (cand.replaces) add(cand.replaces);
  const conv = cand.conversion;
  const lift = conv && ctx.learn ? sayableLift(conv.rate, conv.shown, ctx.learn.conversion) : null;
  if (lift === 'higher') add({ zh: '同类客户接受率较高', en: 'Similar customers often take it' });
  // The biggest rule's words, then what this product is for, then the other rules.
  const rules = breakdown.filter((b) => b.points > 0);
  const first = rules[0];
  if (first) add(ruleReason(first, cand, campaigns, ctx));
  add(tagReason(cand, ctx));
  for (const b of rules.slice(1)) add(ruleReason(b, cand, campaigns, ctx));
  if (lift === 'lower')
    add({ zh: '同类客户接受率偏低，排序已下调', en: 'Similar customers seldom take it; ranked lower' });
  return out;
}
