import { describeIssues, type SettingsIssue } from '@shared/config/issues';

/** One refused value: where in the config, and why, in both languages (the server's `details` items). */
export type FieldIssue = SettingsIssue;

/** The same reasons the server gives, computed here before sending. */
export const issuesFromZod = describeIssues;

/** The server's `details` of a 400 `invalid_settings`, checked rather than trusted. */
export function issuesFromDetails(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (!d || typeof d !== 'object') return [];
    const { path, zh, en } = d as Record<string, unknown>;
    if (typeof path !== 'string') return [];
    const z = typeof zh === 'string' ? zh : typeof en === 'string' ? en : '';
    return [{ path, zh: z, en: typeof en === 'string' ? en : z }];
  });
}
