import type { Lang } from '../triage/rule-text';
import { isObject, type Names } from './human-names';
import { SECTION_WORDS } from './human-words';

/**
 * The generic part of the human diff: two values compared field by field, and lists of named items (intents,
 * products, decline reasons…) item by item — added, removed, changed, reordered — so a change reads
 * "产品「大额存单」：适用层级 中端客户、高端客户 → 高端客户" instead of a path and two JSON blobs.
 */

type Bi = { zh: string; en: string };

type Change =
  | { t: 'leaf'; path: string[]; a: unknown; b: unknown }
  | { t: 'add' | 'del'; list: string[]; item: unknown; id: string }
  | { t: 'item'; list: string[]; item: unknown; id: string; inner: Change[] }
  | { t: 'order'; list: string[] };

/** JSON with sorted keys: a version saved with its keys in another order is the same rules. */
export function canonical(v: unknown): string {
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
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const ID_FIELDS = ['key', 'id', 'code', 'level', 'queue'] as const;

/** The field that names the items of both lists (unique in each), if they are lists of such objects. */
function idField(a: unknown[], b: unknown[]): string | undefined {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isObject)) return undefined;
  return ID_FIELDS.find((f) =>
    [a, b].every((xs) => {
      const ids = (xs as Record<string, unknown>[]).map((x) => x[f]);
      return (
        ids.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(ids).size === ids.length
      );
    }),
  );
}

const bilingual = (v: Record<string, unknown>) =>
  'zh' in v && 'en' in v && Object.keys(v).length === 2 && typeof v.zh === 'string';

/** The changes from `a` to `b`; `path` is where they are (for the words of fields and lists). */
export function changes(a: unknown, b: unknown, path: string[] = []): Change[] {
  if (same(a, b)) return [];
  if (isObject(a) && isObject(b) && !bilingual(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => changes(a[k], b[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const id = idField(a, b);
    if (id) return listChanges(a as Record<string, unknown>[], b as Record<string, unknown>[], id, path);
  }
  return [{ t: 'leaf', path, a, b }];
}

function listChanges(
  a: Record<string, unknown>[],
  b: Record<string, unknown>[],
  id: string,
  list: string[],
): Change[] {
  const out: Change[] = [];
  const old = new Map(a.map((x) => [x[id], x]));
  const now = new Map(b.map((x) => [x[id], x]));
  for (const x of b) if (!old.has(x[id])) out.push({ t: 'add', list, item: x, id });
  for (const x of a) if (!now.has(x[id])) out.push({ t: 'del', list, item: x, id });
  for (const x of b) {
    const y = old.get(x[id]);
    if (y === undefined || same(x, y)) continue;
    out.push({ t: 'item', list, item: x, id, inner: changes(y, x, []) });
  }
  const order = (xs: Record<string, unknown>[], other: Map<unknown, unknown>) =>
    xs.map((x) => x[id]).filter((k) => other.has(k));
  if (!same(order(a, now), order(b, old))) out.push({ t: 'order', list });
  return out;
}

const quote = (s: string, l: Lang) => (l === 'zh' ? `「${s}」` : `"${s}"`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function itemLabel(c: { t: Change['t']; item: unknown; id: string }, names: Names, l: Lang): string {
  const name = names.itemName(c.item, c.id, l);
  const prefix = isObject(c.item) && typeof c.item.prefix === 'string' ? `（${c.item.prefix}）` : '';
  return quote(name + (c.t === 'add' || c.t === 'del' ? prefix : ''), l);
}

/** One change in words, inside an item (`within` is the list path the item's fields are relative to). */
function words(c: Change, names: Names, l: Lang, within: string[]): string {
  const zh = l === 'zh';
  switch (c.t) {
    case 'leaf': {
      const field = c.path[c.path.length - 1] ?? within[within.length - 1] ?? '';
      return `${names.fieldPath(c.path, l)} ${names.value(field, c.a, l)} → ${names.value(field, c.b, l)}`;
    }
    case 'add':
    case 'del': {
      const what = names.itemWord([...within, ...c.list], l);
      const verb = c.t === 'add' ? (zh ? '新增' : 'Added') : zh ? '删除' : 'Removed';
      return `${verb}${zh ? '' : ' '}${what}${zh ? '' : ' '}${itemLabel(c, names, l)}`;
    }
    case 'item': {
      const what = names.itemWord([...within, ...c.list], l);
      const inner = c.inner.map((x) => words(x, names, l, [...within, ...c.list])).join(zh ? '；' : '; ');
      return `${zh ? what : cap(what) + ' '}${itemLabel(c, names, l)}${zh ? '：' : ': '}${inner}`;
    }
    case 'order': {
      const what = names.itemWord([...within, ...c.list], l);
      return zh ? `调整了${what}的顺序` : `Reordered the ${what} list`;
    }
  }
}

/**
 * A section's changes as lines: a named item's changes on one line ("业务「理财咨询」：分钟 20 → 25"), any other
 * field prefixed by the section ("看板：预警·等候超时分钟 10 → 15").
 */
export function sectionLines(
  section: string,
  before: unknown,
  after: unknown,
  names: Names,
): (Bi & { section: string })[] {
  return changes(before, after, []).map((c) => {
    const line = (l: Lang) => {
      // Lists are named by their full path (triage.channels and outreach.channels are different things).
      const full = c.t === 'leaf' ? c : { ...c, list: [section, ...c.list] };
      const text = words(full, names, l, []);
      return c.t === 'leaf'
        ? `${SECTION_WORDS[section]?.[l] ?? section}${l === 'zh' ? '：' : ': '}${text}`
        : text;
    };
    return { section, zh: line('zh'), en: line('en') };
  });
}
