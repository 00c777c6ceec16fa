import { z } from 'zod';

/** A user-facing line in both languages the app ships (zh-CN first, en second). */
export const bilingualSchema = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(300) });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** Placeholders a pitch or campaign line may use. */
export const TEMPLATE_PLACEHOLDERS = ['gap', 'tierNext', 'name'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateVars = Partial<Record<TemplatePlaceholder, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{gap}`-style placeholders. Returns null when a placeholder has no value (e.g. `{gap}`
 * for a customer already at the top tier), so the caller can fall back instead of saying "{gap}".
 */
export function fillTemplate(template: string, vars: TemplateVars): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (whole, key: string) => {
    const v = (vars as Record<string, string | undefined>)[key];
    if (v === undefined) {
      missing = true;
      return whole;
    }
    return v;
  });
  return missing ? null : out;
}

/** Placeholders used by a template that the engine does not know: a config error worth reporting. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = TEMPLATE_PLACEHOLDERS;
  const out: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const key = m[1] as string;
    if (!known.includes(key)) out.push(key);
  }
  return out;
}
