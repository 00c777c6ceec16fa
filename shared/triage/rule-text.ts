import type { TierBand } from '../customer/tier';
import type { RuleConditions, RuleEffect, TriageConfig, TriageRule } from './config';

/**
 * A triage rule as a sentence a branch manager reads ("当 客户层级 ∈ {高端客户, 私行客户} 且 业务 ∈ {理财咨询} →
 * 优先 贵宾室，优先级 贵宾优先"), in zh or en. Names come from the config (tiers, intents, channels, priorities);
 * the fixed vocabularies (kinds, segments, grades, flags) are the table below.
 */
export type Lang = 'zh' | 'en';

type Words = Record<string, { zh: string; en: string }>;

export const RULE_VOCAB: { kinds: Words; segments: Words; grades: Words; flags: Words } = {
  kinds: { individual: { zh: '个人', en: 'individual' }, corporate: { zh: '对公', en: 'corporate' } },
  segments: {
    executive: { zh: '高管', en: 'executives' },
    elderly: { zh: '老年', en: 'elderly' },
    merchant: { zh: '商户', en: 'merchants' },
    women: { zh: '女性', en: 'women' },
    rural: { zh: '农户', en: 'rural' },
  },
  grades: {
    strategic: { zh: '战略', en: 'strategic' },
    key: { zh: '重点', en: 'key' },
    general: { zh: '一般', en: 'general' },
  },
  flags: {
    elderly: { zh: '老年', en: 'elderly' },
    disability: { zh: '残障', en: 'disability' },
    pregnant: { zh: '孕妇', en: 'pregnant' },
    withChild: { zh: '携幼儿', en: 'with a small child' },
    needsHelp: { zh: '需协助', en: 'needs help' },
    highRisk: { zh: '高风险', en: 'high risk' },
  },
};

/** Where the names of config keys are looked up. */
export interface RuleNames {
  tiers: readonly TierBand[];
  triage: Pick<TriageConfig, 'intents' | 'channels' | 'priorities'>;
}

const pick = (w: Words | undefined, key: string, lang: Lang) => w?.[key]?.[lang] ?? key;

export function tierName(key: string, names: RuleNames, lang: Lang): string {
  return names.tiers.find((b) => b.key === key)?.[lang] ?? key;
}
export function intentName(key: string, names: RuleNames, lang: Lang): string {
  return names.triage.intents.find((i) => i.key === key)?.[lang] ?? key;
}
export function channelName(key: string, names: RuleNames, lang: Lang): string {
  return names.triage.channels.find((c) => c.key === key)?.[lang] ?? key;
}
export function priorityName(level: number, names: RuleNames, lang: Lang): string {
  return names.triage.priorities.find((p) => p.level === level)?.[lang] ?? String(level);
}

const set = (items: string[]) => `{${items.join(', ')}}`;

/** The conditions as "A 且 B" / "A and B"; none at all reads "总是" / "always". */
export function conditionsText(c: RuleConditions, names: RuleNames, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  const list = (
    label: [string, string],
    keys: readonly string[] | undefined,
    name: (k: string) => string,
    not = false,
  ) => {
    if (!keys) return;
    const op = not ? '∉' : '∈';
    parts.push(`${zh ? label[0] : label[1]} ${op} ${set(keys.map(name))}`);
  };
  if (c.customer)
    parts.push(zh ? (c.customer === 'known' ? '已识别客户' : '未识别客户') : `${c.customer} customer`);
  const kind = (k: string) => pick(RULE_VOCAB.kinds, k, lang);
  list(['客户类型', 'customer kind'], c.kinds, kind);
  list(['客户类型', 'customer kind'], c.notKinds, kind, true);
  const tier = (k: string) => tierName(k, names, lang);
  list(['客户层级', 'tier'], c.tiers, tier);
  list(['客户层级', 'tier'], c.notTiers, tier, true);
  list(['客群', 'segment'], c.segments, (k) => pick(RULE_VOCAB.segments, k, lang));
  list(['对公客户等级', 'corporate grade'], c.corporateGrades, (k) => pick(RULE_VOCAB.grades, k, lang));
  const flag = (k: string) => pick(RULE_VOCAB.flags, k, lang);
  list(['标记', 'flag'], c.flags, flag);
  list(['标记', 'flag'], c.notFlags, flag, true);
  list(['业务', 'business'], c.intents, (k) => intentName(k, names, lang));
  if (c.allSelfServiceable !== undefined)
    parts.push(
      zh
        ? c.allSelfServiceable
          ? '业务均可自助'
          : '有业务不可自助'
        : c.allSelfServiceable
          ? 'all business self-serviceable'
          : 'some business not self-serviceable',
    );
  if (c.anyCorporateOnly !== undefined)
    parts.push(
      zh
        ? c.anyCorporateOnly
          ? '含对公业务'
          : '不含对公业务'
        : c.anyCorporateOnly
          ? 'includes corporate business'
          : 'no corporate business',
    );
  if (parts.length === 0) return zh ? '总是' : 'always';
  return parts.join(zh ? ' 且 ' : ' and ');
}

export function effectText(e: RuleEffect, names: RuleNames, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (e.prefer) parts.push(`${zh ? '优先' : 'prefer'} ${channelName(e.prefer, names, lang)}`);
  if (e.priority !== undefined)
    parts.push(`${zh ? '优先级' : 'priority'} ${priorityName(e.priority, names, lang)}`);
  if (e.forbid)
    parts.push(
      `${zh ? '不去' : 'never'} ${e.forbid.map((c) => channelName(c, names, lang)).join(zh ? '、' : ', ')}`,
    );
  if (e.care) parts.push(zh ? '大堂陪同' : 'lobby care');
  if (e.review) parts.push(zh ? '严格审核' : 'strict review');
  if (e.stop) parts.push(zh ? '不再看后续规则' : 'stop here');
  return parts.length ? parts.join(zh ? '，' : ', ') : zh ? '无动作' : 'no effect';
}

/** "当 … → …，理由 …" / "When … → …, because …". */
export function ruleSentence(rule: TriageRule, names: RuleNames, lang: Lang): string {
  const zh = lang === 'zh';
  const cond = conditionsText(rule.conditions, names, lang);
  const eff = effectText(rule.effect, names, lang);
  return zh
    ? `当 ${cond} → ${eff}，理由：${rule.reason.zh}`
    : `When ${cond} → ${eff}; because: ${rule.reason.en}`;
}
