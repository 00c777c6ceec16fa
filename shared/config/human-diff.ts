import { formatFen } from '../money';
import type { TierBand } from '../customer/tier';
import { ruleSentence, type Lang, type RuleNames } from '../triage/rule-text';
import type { TriageRule } from '../triage/config';
import type { RulesConfig } from './schema';
import { FIELD_WORDS, SECTION_WORDS } from './human-words';

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
const quote = (s: string, l: Lang) => (l === 'zh' ? `「${s}」` : `"${s}"`);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
/** JSON with sorted keys: a version saved with its keys in another order is the same rules. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    isObject(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A value in words: fen as ¥ with grouping, yes/no, lists joined, times as dates. */
export function valueText(key: string, v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return lang === 'zh' ? '（无）' : '(none)';
  if (typeof v === 'number' && /Fen$/.test(key) && Number.isSafeInteger(v))
    return formatFen(v, { decimals: v % 100 !== 0 });
  if (typeof v === 'number' && (key === 'start' || key === 'end') && v > 1e11)
    return new Date(v).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(lang === 'zh' ? '、' : ', ');
  if (isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string') return v[lang] as string;
  if (typeof v === 'string') return v;
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 59) + '…' : s;
}

function fieldName(path: readonly string[], lang: Lang): string {
  return path.map((p) => FIELD_WORDS[p]?.[lang] ?? p).join(lang === 'zh' ? '·' : ' · ');
}

/** Leaf differences of two plain values, as "字段 a → b". */
function leafChanges(
  before: unknown,
  after: unknown,
  path: string[] = [],
): { path: string[]; a: unknown; b: unknown }[] {
  if (same(before, after)) return [];
  if (
    isObject(before) &&
    isObject(after) &&
    !('zh' in after && 'en' in after && Object.keys(after).length === 2)
  ) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => leafChanges(before[k], after[k], [...path, k]));
  }
  return [{ path, a: before, b: after }];
}

function fieldLines(before: unknown, after: unknown, lang: Lang): string[] {
  return leafChanges(before, after).map(({ path, a, b }) => {
    const key = path[path.length - 1] ?? '';
    return `${fieldName(path, lang)} ${valueText(key, a, lang)} → ${valueText(key, b, lang)}`;
  });
}

interface Keyed<T> {
  section: string;
  what: Bi;
  key: (x: T) => string;
  name: (x: T, l: Lang) => string;
  /** How an added or removed item reads (default: its name). */
  whole?: (x: T, l: Lang) => string;
}

function keyedList<T>(before: readonly T[], after: readonly T[], k: Keyed<T>): ChangeLine[] {
  const out: ChangeLine[] = [];
  const line = (f: (l: Lang) => string) => out.push({ section: k.section, ...both(f) });
  const old = new Map(before.map((x) => [k.key(x), x]));
  const now = new Map(after.map((x) => [k.key(x), x]));
  const whole = k.whole ?? k.name;
  for (const x of after)
    if (!old.has(k.key(x)))
      line(
        (l) =>
          `${l === 'zh' ? '新增' : 'Added'}${l === 'zh' ? '' : ' '}${k.what[l]}${l === 'zh' ? '' : ' '}${quote(whole(x, l), l)}`,
      );
  for (const x of before)
    if (!now.has(k.key(x)))
      line(
        (l) =>
          `${l === 'zh' ? '删除' : 'Removed'}${l === 'zh' ? '' : ' '}${k.what[l]}${l === 'zh' ? '' : ' '}${quote(whole(x, l), l)}`,
      );
  for (const x of after) {
    const y = old.get(k.key(x));
    if (y === undefined || same(x, y)) continue;
    line(
      (l) =>
        `${l === 'zh' ? k.what.zh : cap(k.what.en) + ' '}${quote(k.name(x, l), l)}${colon(l)}${fieldLines(y, x, l).join(l === 'zh' ? '；' : '; ')}`,
    );
  }
  const common = (xs: readonly T[], other: Map<string, T>) => xs.map(k.key).filter((key) => other.has(key));
  if (!same(common(before, now), common(after, old)))
    line((l) => (l === 'zh' ? `调整了${k.what.zh}的顺序` : `Reordered the ${k.what.en}`));
  return out;
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

/** Leaf changes of a whole section (or part of one), each as its own line. */
function genericLines(section: string, before: unknown, after: unknown, base: string[] = []): ChangeLine[] {
  return leafChanges(before, after, base).map(({ path, a, b }) => {
    const key = path[path.length - 1] ?? '';
    return {
      section,
      ...both(
        (l) =>
          `${SECTION_WORDS[section]?.[l] ?? section}${colon(l)}${fieldName(path, l)} ${valueText(key, a, l)} → ${valueText(key, b, l)}`,
      ),
    };
  });
}

const without = <T extends object>(o: T, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** Every change from `before` to `after`, in order of the sections. */
export function describeChanges(before: RulesConfig, after: RulesConfig): ChangeLine[] {
  const out: ChangeLine[] = [];
  for (const section of Object.keys(after) as (keyof RulesConfig)[]) {
    const a = before[section];
    const b = after[section];
    if (same(a, b)) continue;
    if (section === 'customer') {
      out.push(...tierLines(before.customer.tiers, after.customer.tiers));
      out.push(
        ...genericLines(section, without(before.customer, ['tiers']), without(after.customer, ['tiers'])),
      );
    } else if (section === 'triage') {
      out.push(...ruleLines(before, after));
      out.push(
        ...keyedList(before.triage.intents, after.triage.intents, {
          section,
          what: { zh: '业务', en: 'business' },
          key: (i) => i.key,
          name: (i, l) => i[l],
        }),
      );
      out.push(
        ...genericLines(
          section,
          without(before.triage, ['rules', 'intents']),
          without(after.triage, ['rules', 'intents']),
        ),
      );
    } else if (section === 'queue') {
      out.push(
        ...keyedList(before.queue.queues, after.queue.queues, {
          section,
          what: { zh: '队列', en: 'queue' },
          key: (q) => q.key,
          name: (q, l) => q[l],
          whole: (q, l) => `${q[l]}（${q.prefix}）`,
        }),
      );
      out.push(...genericLines(section, without(before.queue, ['queues']), without(after.queue, ['queues'])));
    } else if (section === 'suggest') {
      out.push(
        ...keyedList(before.suggest.products, after.suggest.products, {
          section,
          what: { zh: '产品', en: 'product' },
          key: (p) => p.code,
          name: (p, l) => p.name[l],
        }),
        ...keyedList(before.suggest.campaigns, after.suggest.campaigns, {
          section,
          what: { zh: '营销活动', en: 'campaign' },
          key: (c) => c.id,
          name: (c, l) => c.name[l],
        }),
      );
      const rest = ['products', 'campaigns'];
      out.push(...genericLines(section, without(before.suggest, rest), without(after.suggest, rest)));
    } else out.push(...genericLines(section, a, b));
  }
  return out;
}
