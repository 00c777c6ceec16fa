import type { Lang } from '../triage/rule-text';

/**
 * A need-table entry (what a tier, segment, intent… wants) in words for the human diff: each matcher reads
 * "类型 理财、基金 · 标签 升级达标 · 产品 一卡通借记卡 ×1.5", matchers joined by 或; an empty entry suggests nothing.
 */

const GOALS: Record<string, { zh: string; en: string }> = {
  reach_next_tier: { zh: '升级达标', en: 'reach the next tier' },
  activate_e_channel: { zh: '开通电子渠道', en: 'activate e-channels' },
  short_term_wealth: { zh: '短期理财', en: 'short-term wealth' },
  loyalty: { zh: '提升黏性', en: 'loyalty' },
  structured_allocation: { zh: '结构化配置', en: 'structured allocation' },
  family_wealth: { zh: '家族财富', en: 'family wealth' },
  public_private_link: { zh: '公私联动', en: 'public–private link' },
  reactivation: { zh: '唤醒激活', en: 'reactivation' },
  onboarding: { zh: '新客启用', en: 'onboarding' },
};

const MATCHER_KEYS = new Set(['types', 'tags', 'codes', 'weight']);

/** A list of product matchers (and not some other list of objects). */
export function isNeed(v: unknown): v is Record<string, unknown>[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((m) => m !== null && typeof m === 'object' && Object.keys(m).every((k) => MATCHER_KEYS.has(k)))
  );
}

export function needText(
  need: readonly Record<string, unknown>[],
  name: (kind: 'productType' | 'product', key: string) => string,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const list = (xs: string[]) => xs.join(zh ? '、' : ', ');
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const one = (m: Record<string, unknown>) => {
    const parts: string[] = [];
    const types = strings(m.types);
    const tags = strings(m.tags);
    const codes = strings(m.codes);
    if (types.length)
      parts.push(`${zh ? '类型' : 'types'} ${list(types.map((k) => name('productType', k)))}`);
    if (tags.length) parts.push(`${zh ? '标签' : 'tags'} ${list(tags.map((k) => GOALS[k]?.[lang] ?? k))}`);
    if (codes.length) parts.push(`${zh ? '产品' : 'products'} ${list(codes.map((k) => name('product', k)))}`);
    const w = typeof m.weight === 'number' && m.weight !== 1 ? ` ×${m.weight}` : '';
    return (parts.length ? parts.join(' · ') : zh ? '（空）' : '(empty)') + w;
  };
  return need.map(one).join(zh ? ' 或 ' : ' or ');
}
