/**
 * Builds what `serve` and `start` run: the renderer (Vite) when missing or built from other sources,
 * and the server bundle (esbuild, well under a second) every time. `--force` rebuilds the renderer,
 * `--electron` also bundles the Electron main, preload and server-process scripts, and
 * `--electron --native` then rebuilds better-sqlite3 for Electron. A successful build writes
 * dist/.build-stamp.json, with which `npm run serve` (serve-launcher.mjs) skips this script.
 */
import { build as esbuild } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readStamp, sourceFingerprints, writeStamp } from './build-stamp.mjs';
import { electronBundles, serverBundles } from './bundles';

const root = resolve(import.meta.dirname, '../..');
const args = new Set(process.argv.slice(2));
// Taken before building: a source edited while the build runs makes the next start build again.
const fingerprints = sourceFingerprints(root);

async function buildRenderer(): Promise<void> {
  const stale =
    !existsSync(join(root, 'dist/renderer/index.html')) ||
    readStamp(root)?.renderer !== fingerprints.renderer;
  if (!args.has('--force') && !stale) return;
  const started = Date.now();
  console.log('Building the renderer (Vite)…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`Renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function buildServer(): Promise<void> {
  await Promise.all(serverBundles(root).map((options) => esbuild(options)));
}

async function buildElectron(): Promise<void> {
  await Promise.all(electronBundles(root).map((options) => esbuild(options)));
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
writeStamp(root, fingerprints);
if (args.has('--electron')) {
  await buildElectron();
  if (args.has('--native')) rebuildNativeForElectron();
}
