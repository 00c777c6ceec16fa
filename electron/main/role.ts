import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * What this PC is, kept in `<userData>/desktop.json`. Printer and lobby screen live here rather
 * than in the branch settings because they belong to one PC's hardware, not to the branch.
 */
const hubOrigin = z
  .url({ protocol: /^https?$/ })
  .transform((u) => new URL(u).origin)
  .optional();

export const desktopConfigSchema = z
  .object({
    role: z.enum(['hub', 'terminal', 'display']),
    hubUrl: hubOrigin,
    printer: z.string().min(1).max(256).nullable().default(null),
    lobbyDisplayId: z.number().int().nullable().default(null),
    openAtLogin: z.boolean().default(false),
  })
  .refine((c) => c.role === 'hub' || c.hubUrl !== undefined, {
    message: 'terminal and display roles need the hub address',
    path: ['hubUrl'],
  });
export type DesktopConfig = z.infer<typeof desktopConfigSchema>;
export type DesktopRole = DesktopConfig['role'];

/** null means first run (or a file someone broke by hand): ask for the role again. */
export function readDesktopConfig(file: string): DesktopConfig | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = desktopConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Write-then-rename, so a power cut mid-write leaves the old file rather than half a new one. */
export function writeDesktopConfig(file: string, cfg: DesktopConfig): DesktopConfig {
  const valid = desktopConfigSchema.parse(cfg);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(valid, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return valid;
}

/** A hub serves its own data; a terminal keeps its own copy; a display PC only shows the hub. */
export function runsEmbeddedServer(cfg: DesktopConfig): boolean {
  return cfg.role !== 'display';
}
