/** What changed between two config versions, leaf by leaf, for the version view. */

export interface ConfigChange {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Leaf differences of two JSON values. Arrays compare by index (tier bands, queues and rules are
 * ordered lists); an array whose length changed is also reported whole, so a removed item shows.
 */
export function diffConfig(before: unknown, after: unknown, path = ''): ConfigChange[] {
  if (Object.is(before, after)) return [];
  const at = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: ConfigChange[] = [];
    if (before.length !== after.length) out.push({ path, before, after });
    const n = Math.min(before.length, after.length);
    for (let i = 0; i < n; i++) out.push(...diffConfig(before[i], after[i], at(i)));
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffConfig(before[k], after[k], at(k)));
  }
  return [{ path, before, after }];
}

/** A short, single-line rendering of a changed value. */
export function preview(v: unknown, max = 80): string {
  if (v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
