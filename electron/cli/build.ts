/**
 * Builds what `serve` and `start` run: the renderer (Vite) when missing or older than its sources,
 * and the server bundle (esbuild, ~0.2 s) every time. `--force` rebuilds the renderer, `--electron`
 * also bundles the Electron main, preload and server-process scripts, and `--electron --native`
 * then rebuilds better-sqlite3 for Electron.
 */
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
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

/**
 * The entry points of electron/cli/, bundled under their historical names: `dist/server/cli.js` is
 * what playwright.config.ts, the e2e specs, the benches and the docs start.
 */
async function buildServer(): Promise<void> {
  await esbuild({
    entryPoints: {
      cli: join(root, 'electron/cli/serve.ts'),
      'import-cli': join(root, 'electron/cli/import.ts'),
      'headoffice-cli': join(root, 'electron/cli/headoffice.ts'),
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

/**
 * Main, preload and the server's utility process, each one self-contained file: only electron
 * and the native better-sqlite3 stay outside, so the package ships those two and no other
 * node_modules (electron-builder.yml lists the same; bufferutil/utf-8-validate are ws's optional
 * speed-ups, absent on purpose).
 */
async function buildElectron(): Promise<void> {
  await esbuild({
    entryPoints: {
      main: join(root, 'electron/main/main.ts'),
      preload: join(root, 'electron/preload/preload.ts'),
      'server-process': join(root, 'electron/main/server-process-entry.ts'),
    },
    outdir: join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

/**
 * `--electron --native` (run by `npm run dist`): rebuilds better-sqlite3 for Electron's ABI. npm
 * hands the project's `nodedir=/usr` (Node's own headers, right for `npm ci`) to every script as
 * npm_config_nodedir, and node-gyp would build for Node again with it, so it is dropped here.
 */
function rebuildNativeForElectron(): void {
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  delete env.NPM_CONFIG_NODEDIR;
  const cli = join(root, 'node_modules/electron-builder/cli.js');
  execFileSync(process.execPath, [cli, 'install-app-deps'], { cwd: root, env, stdio: 'inherit' });
}

await buildRenderer();
await buildServer();
if (args.has('--electron')) {
  await buildElectron();
  if (args.has('--native')) rebuildNativeForElectron();
}
