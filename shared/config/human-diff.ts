import { formatFen } from '../money';
import type { TierBand } from '../customer/tier';
import { ruleSentence, type Lang, type RuleNames } from '../triage/rule-text';
import type { TriageRule } from '../triage/config';
import type { RulesConfig } from './schema';
import { sectionLines, canonical, same } from './human-diff-generic';
import { Names } from './human-names';

/**
 * What changed between two versions of the rules, in sentences a branch manager reads: amounts in 元 with
 * grouping, tier / intent / queue / product names instead of keys, rules as readable sentences. Lists with a key
 * (tiers, rules, intents, queues, products, campaigns) are compared item by item; anything else leaf by leaf.
 */
export interface ChangeLine {
  /** The top-level section (customer, triage, …), for grouping. */
  section: string;
  zh: string;
  en: string;
}

type Bi = { zh: string; en: string };
const both = (f: (l: Lang) => string): Bi => ({ zh: f('zh'), en: f('en') });
const colon = (l: Lang) => (l === 'zh' ? '：' : ': ');

/** A value in words (amounts in 元, names of tiers, products, queues…), as the version view says it. */
export function valueText(key: string, v: unknown, lang: Lang, names = new Names([])): string {
  return names.value(key, v, lang);
}

function tierLines(before: readonly TierBand[], after: readonly TierBand[]): ChangeLine[] {
  const out: ChangeLine[] = [];
  const old = new Map(before.map((b) => [b.key, b]));
  for (const b of after) {
    const a = old.get(b.key);
    if (!a) {
      out.push({
        section: 'customer',
        ...both((l) =>
          l === 'zh'
            ? `新增层级「${b.zh}」，下限 ${formatFen(b.minFen, { decimals: false })}`
            : `Added tier "${b.en}" from ${formatFen(b.minFen, { decimals: false })}`,
        ),
      });
      continue;
    }
    if (a.minFen !== b.minFen)
      out.push({
        section: 'customer',
        ...both((l) =>
          l === 'zh'
            ? `${b.zh}下限 ${valueText('minFen', a.minFen, l)} → ${valueText('minFen', b.minFen, l)}`
            : `${b.en} lower bound ${valueText('minFen', a.minFen, l)} → ${valueText('minFen', b.minFen, l)}`,
        ),
      });
    if (a.zh !== b.zh || a.en !== b.en)
      out.push({
        section: 'customer',
        ...both((l) =>
          l === 'zh' ? `层级名称「${a.zh}」→「${b.zh}」` : `Tier renamed "${a.en}" → "${b.en}"`,
        ),
      });
  }
  const now = new Set(after.map((b) => b.key));
  for (const a of before)
    if (!now.has(a.key))
      out.push({
        section: 'customer',
        ...both((l) => (l === 'zh' ? `删除层级「${a.zh}」` : `Removed tier "${a.en}"`)),
      });
  return out;
}

function ruleLines(before: RulesConfig, after: RulesConfig): ChangeLine[] {
  const names: RuleNames = { tiers: after.customer.tiers, triage: after.triage };
  const oldNames: RuleNames = { tiers: before.customer.tiers, triage: before.triage };
  const out: ChangeLine[] = [];
  const old = new Map(before.triage.rules.map((r) => [r.id, r]));
  const now = new Map(after.triage.rules.map((r) => [r.id, r]));
  const push = (f: (l: Lang) => string) => out.push({ section: 'triage', ...both(f) });
  for (const r of after.triage.rules) {
    const o = old.get(r.id);
    if (!o) {
      push(
        (l) => `${l === 'zh' ? '新增分流规则' : 'Added triage rule'}${colon(l)}${ruleSentence(r, names, l)}`,
      );
      continue;
    }
    if (o.enabled !== r.enabled)
      push((l) =>
        l === 'zh'
          ? `${r.enabled ? '启用' : '停用'}分流规则「${r.reason.zh}」`
          : `${r.enabled ? 'Enabled' : 'Disabled'} triage rule "${r.reason.en}"`,
      );
    const body = (x: TriageRule) => canonical({ c: x.conditions, e: x.effect, r: x.reason });
    if (body(o) !== body(r))
      push((l) =>
        l === 'zh'
          ? `修改分流规则：${ruleSentence(o, oldNames, l)}；改为：${ruleSentence(r, names, l)}`
          : `Changed triage rule: ${ruleSentence(o, oldNames, l)}; now: ${ruleSentence(r, names, l)}`,
      );
  }
  for (const o of before.triage.rules)
    if (!now.has(o.id))
      push(
        (l) =>
          `${l === 'zh' ? '删除分流规则' : 'Removed triage rule'}${colon(l)}${ruleSentence(o, oldNames, l)}`,
      );
  const order = (a: readonly TriageRule[], m: Map<string, TriageRule>) =>
    a.map((r) => r.id).filter((id) => m.has(id));
  if (!same(order(before.triage.rules, now), order(after.triage.rules, old)))
    push((l) => (l === 'zh' ? '调整了分流规则的先后顺序' : 'Reordered the triage rules'));
  return out;
}

const without = <T extends object>(o: T, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Every change from `before` to `after`, in order of the sections. */
export function describeChanges(before: RulesConfig, after: RulesConfig): ChangeLine[] {
  const names = new Names([after, before]);
  const out: ChangeLine[] = [];
  for (const section of Object.keys(after) as (keyof RulesConfig)[]) {
    const a = before[section];
    const b = after[section];
    if (same(a, b)) continue;
    if (section === 'customer') {
      out.push(...tierLines(before.customer.tiers, after.customer.tiers));
      out.push(...sectionLines(section, without(a, ['tiers']), without(b, ['tiers']), names));
    } else if (section === 'triage') {
      out.push(...ruleLines(before, after));
      out.push(...sectionLines(section, without(a, ['rules']), without(b, ['rules']), names));
    } else out.push(...sectionLines(section, a, b, names));
  }
  return out;
}
