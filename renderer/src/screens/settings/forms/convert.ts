/** Pure conversions between the forms' values and the config (tested in convert.test.ts). */

/** A cleared multi-select is "not set", not an empty list (the schema wants at least one member where optional). */
export const noEmpty = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);
/** A cleared number is "not set": optional numbers are absent, never null. */
export const noNull = (v: unknown) => (v === null || v === '' ? undefined : v);

/** Rows of the list at `prefix` ("suggest.products") that hold a refused value, to show them opened. */
export function rowsWithIssues(issues: readonly { path: string }[], prefix: string): number[] {
  const rows = new Set<number>();
  for (const i of issues) {
    const m = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)(\\.|$)`).exec(i.path);
    if (m) rows.add(Number(m[1]));
  }
  return [...rows];
}
