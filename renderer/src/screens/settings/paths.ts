/** Dotted config paths ("customer.tiers.2.minFen") as the server reports them, and as form field names. */

export type PathKey = string | number;

export function splitPath(path: string): PathKey[] {
  if (path === '') return [];
  return path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

export function joinPath(keys: readonly PropertyKey[]): string {
  return keys.map(String).join('.');
}

export function getAt(root: unknown, keys: readonly PathKey[]): unknown {
  let cur: unknown = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[k];
  }
  return cur;
}

/** A copy of `root` with `value` at `keys`; containers on the way are copied, not mutated. */
export function setAt<T>(root: T, keys: readonly PathKey[], value: unknown): T {
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys as [PathKey, ...PathKey[]];
  const base: unknown = root;
  const copy: Record<PathKey, unknown> = Array.isArray(base)
    ? ([...(base as unknown[])] as unknown as Record<PathKey, unknown>)
    : { ...((base ?? {}) as Record<PathKey, unknown>) };
  copy[head] = setAt(copy[head], rest, value);
  return copy as T;
}

/** `path` is `prefix` or lies under it ("customer.tiers.2" is under "customer.tiers", "customer.tiersX" is not). */
export function isUnder(path: string, prefix: string): boolean {
  return prefix === '' || path === prefix || path.startsWith(prefix + '.');
}
