/**
 * Builds what `serve` and `start` run: the renderer (Vite) when missing or older than its sources,
 * and the server bundle (esbuild, ~0.2 s) every time. `--force` rebuilds the renderer, `--electron`
 * also bundles the Electron main and preload scripts.
 */
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

async function buildRenderer(): Promise<void> {
  const index = join(root, 'dist/renderer/index.html');
  const stale =
    !existsSync(index) ||
    Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared'))) >
      statSync(index).mtimeMs;
  if (!args.has('--force') && !stale) return;
  const started = Date.now();
  console.log('Building the renderer (Vite)…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`Renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function buildServer(): Promise<void> {
  await esbuild({
    entryPoints: {
      cli: join(root, 'electron/server/cli.ts'),
    },
    outdir: join(root, 'dist/server'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

async function buildElectron(): Promise<void> {
  await esbuild({
    entryPoints: {
      main: join(root, 'electron/main/main.ts'),
      preload: join(root, 'electron/preload/preload.ts'),
    },
    outdir: join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

await buildRenderer();
await buildServer();
if (args.has('--electron')) await buildElectron();
