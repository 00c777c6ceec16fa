import type { HoSettingsSection } from '../api/headoffice';
import { HO_SETTINGS_SECTIONS } from '../api/headoffice';

/**
 * Head-office settings versus a branch's own changes (Step 16). The unit is a *setting*: one key of a section the
 * head office may set ("customer.tiers", "suggest.products", "triage.rules", …). For each setting the branch keeps
 * the value the head office last sent (its baseline). Policy when a new value arrives:
 *
 * - the branch has the same value already → nothing to do;
 * - the head office marks the section mandatory → the new value replaces the branch's;
 * - the head office never sent this setting before → it replaces the branch's (the bank's standard takes over);
 * - the branch's value is still the last one sent (not changed locally) → the new value replaces it;
 * - otherwise the branch changed it since (a local override, 本行调整) → the branch's value stays.
 *
 * In every case the baseline becomes the new value, so the screen can tell "from head office" (value = baseline)
 * from "local override" (value ≠ baseline).
 */

export type SettingOrigin = 'headoffice' | 'override';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The settings a head-office config carries: each key of each section it sends (a non-object section is one). */
export function hoSettingPaths(config: Partial<Record<HoSettingsSection, unknown>>): string[] {
  const out: string[] = [];
  for (const section of HO_SETTINGS_SECTIONS) {
    const part = config[section];
    if (part === undefined) continue;
    if (isObject(part)) for (const key of Object.keys(part)) out.push(`${section}.${key}`);
    else out.push(section);
  }
  return out;
}

function read(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const k of path.split('.')) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

function write(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur: Record<string, unknown> = root;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (!isObject(next)) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = value;
}

export interface HoSettingsMerge<T> {
  /** The branch's config with the head office's settings laid in per the policy (a new object). */
  config: T;
  /** Settings whose value the head office replaced. */
  applied: string[];
  /** Settings the branch overrode locally and keeps. */
  kept: string[];
  /** The new baseline of every setting the head office sent. */
  baseline: Map<string, unknown>;
}

export function mergeHoSettings<T extends object>(
  current: T,
  ho: Partial<Record<HoSettingsSection, unknown>>,
  mandatory: ReadonlySet<string>,
  baseline: ReadonlyMap<string, unknown>,
): HoSettingsMerge<T> {
  const next = structuredClone(current) as T & Record<string, unknown>;
  const applied: string[] = [];
  const kept: string[] = [];
  const nextBaseline = new Map<string, unknown>();
  for (const path of hoSettingPaths(ho)) {
    const value = read(ho, path);
    const mine = read(current, path);
    nextBaseline.set(path, value);
    if (same(mine, value)) continue;
    const section = path.split('.')[0] as string;
    const had = baseline.has(path);
    if (mandatory.has(section) || !had || same(mine, baseline.get(path))) {
      write(next, path, value);
      applied.push(path);
    } else kept.push(path);
  }
  return { config: next, applied, kept, baseline: nextBaseline };
}

/**
 * Where the settings under `paths` (a screen section's config paths) come from: an override when any of them
 * differs from what the head office last sent, from the head office when they all match, null when the head
 * office never sent any of them.
 */
export function originOf(
  config: unknown,
  baseline: ReadonlyMap<string, unknown>,
  paths: readonly string[],
): SettingOrigin | null {
  let found = false;
  for (const [setting, value] of baseline) {
    const touches = paths.some(
      (p) => p === setting || setting.startsWith(`${p}.`) || p.startsWith(`${setting}.`),
    );
    if (!touches) continue;
    found = true;
    if (!same(read(config, setting), value)) return 'override';
  }
  return found ? 'headoffice' : null;
}
