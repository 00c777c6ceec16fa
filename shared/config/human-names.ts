import { formatFen } from '../money';
import { branchDateText } from '../suggest/campaign-period';
import type { Lang } from '../triage/rule-text';
import { FIELD_WORDS, SECTION_WORDS } from './human-words';
import { ITEM_WORDS, VOCAB } from './human-vocab';
import { isNeed, needText } from './human-needs';
import type { RulesConfig } from './schema';

/**
 * Names instead of keys, for the version diff and for refusals: a value that is a key of something named (a tier,
 * a product, a queue…) reads as that thing's name, money in 元, instants as branch dates, and a config path
 * (`suggest.products.3.maxAge`) as 产品「…」 · 最高年龄.
 */

type Kind =
  | 'tier'
  | 'product'
  | 'queue'
  | 'channel'
  | 'intent'
  | 'declineReason'
  | 'complaintCategory'
  | keyof typeof VOCAB;

/** Fields whose value (or each member of a list) is a key of something named. */
const REF_FIELDS: Record<string, Kind> = {
  tiers: 'tier',
  notTiers: 'tier',
  targetTiers: 'tier',
  ownedTiers: 'tier',
  productCodes: 'product',
  codes: 'product',
  queue: 'queue',
  channels: 'channel',
  forbid: 'channel',
  fallbackOrder: 'channel',
  staffedChannels: 'channel',
  prefer: 'channel',
  channel: 'channel',
  intents: 'intent',
  quietIntents: 'intent',
  kinds: 'kind',
  notKinds: 'kind',
  targetKinds: 'kind',
  segments: 'segment',
  targetSegments: 'segment',
  elderlySegments: 'segment',
  lifecycles: 'lifecycle',
  targetLifecycles: 'lifecycle',
  types: 'productType',
  appliesTo: 'productType',
  singleHoldingTypes: 'productType',
  type: 'productType',
  ownedCorporateGrades: 'grade',
  corporateGrades: 'grade',
  flags: 'flag',
  notFlags: 'flag',
  level: 'answer',
  category: 'complaintCategory',
  purpose: 'purpose',
  per: 'per',
  action: 'action',
  method: 'method',
};

/** Limits that are simply off when absent (a product for every tier, a campaign with no end…): "不限", not "（无）". */
const OPEN_WHEN_ABSENT = new Set([
  'tiers',
  'segments',
  'targetTiers',
  'targetSegments',
  'targetKinds',
  'targetLifecycles',
  'months',
  'minAge',
  'maxAge',
  'minAumFen',
  'maxAumFen',
  'minAmountFen',
  'start',
  'end',
]);

/** Records keyed by something named: their keys read as names. */
const KEYED_BY: Record<string, Kind> = {
  everyDaysByTier: 'tier',
  everyDaysByGrade: 'grade',
  relationshipPct: 'relationship',
  declinedDaysByReason: 'declineReason',
  acceptedDaysByType: 'productType',
  tierGoals: 'tier',
  segmentNeeds: 'segment',
  lifecycleGoals: 'lifecycle',
  intentAffinity: 'intent',
  corporateGradeNeeds: 'grade',
  purposes: 'consentPurpose',
  rules: 'outreachRule',
};

type Named = { zh: string; en: string };

export class Names {
  /** Later configs win: the one being saved, then the one before it (for what it removed). */
  constructor(private readonly configs: readonly RulesConfig[]) {}

  get timeZone(): string {
    return this.configs[0]?.branch.timezone ?? 'Asia/Shanghai';
  }

  private find(kind: Kind, key: string): Named | undefined {
    for (const c of this.configs) {
      let hit: Named | undefined;
      // A form's values on their way to being refused may be half-filled: no name then, not a crash.
      try {
        hit =
          kind === 'tier'
            ? c.customer.tiers.find((b) => b.key === key)
            : kind === 'product'
              ? c.suggest.products.find((p) => p.code === key)?.name
              : kind === 'queue'
                ? c.queue.queues.find((q) => q.key === key)
                : kind === 'channel'
                  ? c.triage.channels.find((x) => x.key === key)
                  : kind === 'intent'
                    ? c.triage.intents.find((i) => i.key === key)
                    : kind === 'declineReason'
                      ? c.visit.declineReasons.find((r) => r.key === key)
                      : kind === 'complaintCategory'
                        ? c.visit.complaintCategories.find((r) => r.key === key)
                        : VOCAB[kind]?.[key];
      } catch {
        hit = undefined;
      }
      if (hit) return hit;
    }
    return undefined;
  }

  name(kind: Kind, key: string, lang: Lang): string {
    return this.find(kind, key)?.[lang] ?? key;
  }

  /** A field's value in words. */
  value(field: string, v: unknown, lang: Lang): string {
    const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
    if (v === undefined && OPEN_WHEN_ABSENT.has(field)) return lang === 'zh' ? '不限' : 'any';
    // A product without `active` is on sale.
    if (v === undefined && field === 'active') return this.value(field, true, lang);
    if (v === undefined || v === null) return lang === 'zh' ? '（无）' : '(none)';
    if (/Fen$/.test(field)) {
      const fen = (n: unknown) =>
        typeof n === 'number' && Number.isSafeInteger(n)
          ? formatFen(n, { decimals: n % 100 !== 0 })
          : String(n);
      if (typeof v === 'number') return fen(v);
      if (Array.isArray(v)) return list(v.map(fen));
    }
    if (typeof v === 'number' && field === 'start' && v > 1e11) return branchDateText(v, this.timeZone);
    // A campaign's `end` is the midnight after its last day: the manager picked (and reads) that last day.
    if (typeof v === 'number' && field === 'end' && v > 1e11) {
      const last = branchDateText(v - 1, this.timeZone);
      return branchDateText(v, this.timeZone).includes(' ')
        ? branchDateText(v, this.timeZone)
        : last.slice(0, 10);
    }
    if (typeof v === 'number' && field === 'riskLevel') return `R${v}`;
    if (field === 'months' && Array.isArray(v))
      return list(v.map((m) => (lang === 'zh' ? `${String(m)}月` : `month ${String(m)}`)));
    if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
    // A cleared list (a need-table entry that suggests nothing, no quiet intents…) reads as none, not as blank.
    if (Array.isArray(v) && v.length === 0) return lang === 'zh' ? '（无）' : '(none)';
    if (isNeed(v)) return needText(v, (kind, key) => this.name(kind, key, lang), lang);
    const ref = REF_FIELDS[field];
    if (ref && typeof v === 'string') return this.name(ref, v, lang);
    if (ref && Array.isArray(v) && v.every((x) => typeof x === 'string'))
      return list(v.map((x: string) => this.name(ref, x, lang)));
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return list(v.map(String));
    if (isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string') return v[lang] as string;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 59) + '…' : s;
  }

  /** One step of a path in words: a field's name, or a record key's name when the record is keyed by names. */
  field(key: string, parent: string | undefined, lang: Lang): string {
    const by = parent === undefined ? undefined : KEYED_BY[parent];
    if (by) return this.name(by, key, lang);
    return FIELD_WORDS[key]?.[lang] ?? key;
  }

  fieldPath(path: readonly string[], lang: Lang): string {
    return path.map((p, i) => this.field(p, path[i - 1], lang)).join(lang === 'zh' ? '·' : ' · ');
  }

  /** What one item of the list at `path` is called (业务, 拒绝原因…). */
  itemWord(path: readonly string[], lang: Lang): string {
    const n = path.length;
    const w =
      ITEM_WORDS[path.join('.')] ??
      ITEM_WORDS[path.slice(n - 2).join('.')] ??
      ITEM_WORDS[path[n - 1] ?? ''] ??
      FIELD_WORDS[path[n - 1] ?? ''];
    return w?.[lang] ?? path[n - 1] ?? '';
  }

  /** An item of a list by its name (中端客户, 一卡通借记卡, 电话…), else its key. */
  itemName(item: unknown, id: string | undefined, lang: Lang): string {
    if (!isObject(item)) return String(item);
    const own = [item.name, item.label].find(isObject);
    if (own && typeof own[lang] === 'string') return own[lang] as string;
    if (typeof item[lang] === 'string') return item[lang] as string;
    if (typeof item.queue === 'string') return this.name('queue', item.queue, lang);
    return id !== undefined && item[id] !== undefined ? String(item[id] as string | number) : '';
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const quote = (s: string, l: Lang) => (l === 'zh' ? `「${s}」` : `"${s}"`);

/**
 * A refused value's place, in words: `triage.intents.3.channels` → 业务「理财咨询」·渠道 (the config being saved
 * names the items). Unknown steps keep their key; a list item without a name is "第 n 项".
 */
export function pathInWords(config: RulesConfig, path: string, lang: Lang): string {
  if (!path) return '';
  const names = new Names([config]);
  const keys = path.split('.');
  const out: string[] = [];
  let cur: unknown = config;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const parent = keys[i - 1];
    if (Array.isArray(cur) && /^\d+$/.test(k)) {
      const item: unknown = cur[Number(k)];
      const word = names.itemWord(keys.slice(0, i), lang);
      const name = names.itemName(item, undefined, lang);
      // The list's own word was said by the previous step: replace it with "item「name」".
      out.pop();
      out.push(
        name
          ? `${word}${lang === 'zh' ? '' : ' '}${quote(name, lang)}`
          : lang === 'zh'
            ? `${word}第 ${Number(k) + 1} 项`
            : `${word} #${Number(k) + 1}`,
      );
    } else if (i === 0) out.push(SECTION_WORDS[k]?.[lang] ?? k);
    else out.push(names.field(k, parent, lang));
    cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[k] : undefined;
  }
  // "分流·业务「理财咨询」·渠道": the section adds nothing once an item is named.
  if (out.length > 2 && keys.length > 2 && /^\d+$/.test(keys[2] ?? '')) out.shift();
  return out.join(lang === 'zh' ? '·' : ' · ');
}
