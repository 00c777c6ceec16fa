/**
 * Builds what `serve` and `start` run: the renderer (Vite) when missing or built from other sources,
 * and the server bundle (esbuild, well under a second) every time. `--force` rebuilds the renderer,
 * `--electron` also bundles the Electron main, preload and server-process scripts, and
 * `--electron --native` then rebuilds better-sqlite3 for Electron. A successful build writes
 * dist/.build-stamp.json, with which `npm run serve` (serve-launcher.mjs) skips this script.
 */
import { build as esbuild, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readStamp, sourceFingerprints, writeStamp } from './build-stamp.mjs';

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

/**
 * Packages the server needs only for some requests (spreadsheets and encodings for import/export,
 * PostgreSQL for the head office): compiling exceljs and its zip libraries alone took most of a cold
 * start. Each default import becomes a stand-in that requires the real package from node_modules on
 * first use. The code keeps its plain `import X from 'pkg'`; tsx and Vitest load it eagerly.
 */
function lazyDefaultImports(packages: string[]): Plugin {
  const lazy = new Set(packages);
  return {
    name: 'lazy-default-imports',
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, (a) => {
        if (!lazy.has(a.path)) return undefined;
        // The stand-in's own require() of the package: left to Node, at run time.
        if (a.namespace === 'lazy') return { path: a.path, external: true };
        return { path: a.path, namespace: 'lazy' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (a) => ({
        loader: 'js',
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(a.path)}));
export default new Proxy({}, {
  get: (_t, key) => load()[key],
  has: (_t, key) => key in load(),
});`,
      }));
    },
  };
}

/**
 * The entry points of electron/cli/, bundled under their historical names: `dist/server/cli.js` is
 * what `npm run serve`, playwright.config.ts, the e2e specs, the benches and the docs start. One
 * file each with the packages inside: resolving and reading hundreds of node_modules files was most
 * of a cold start. better-sqlite3 (native) and ws's optional speed-ups stay outside, as in Electron.
 */
async function buildServer(): Promise<void> {
  await esbuild({
    entryPoints: {
      cli: join(root, 'electron/cli/serve.ts'),
      'import-cli': join(root, 'electron/cli/import.ts'),
      'headoffice-cli': join(root, 'electron/cli/headoffice.ts'),
      // Restoring a backup on an install without the sources: `node dist/server/restore-cli.js --from FILE`.
      'restore-cli': join(root, 'electron/cli/restore.ts'),
    },
    outdir: join(root, 'dist/server'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native'],
    plugins: [lazyDefaultImports(['exceljs', 'pg', 'iconv-lite'])],
    // Bundled CommonJS packages call require(), __dirname and __filename, which ES modules lack.
    banner: {
      js: [
        "import { createRequire as __cr } from 'node:module';",
        "import { fileURLToPath as __fu } from 'node:url';",
        "import { dirname as __dn } from 'node:path';",
        'const require = __cr(import.meta.url);',
        'const __filename = __fu(import.meta.url);',
        'const __dirname = __dn(__filename);',
      ].join(' '),
    },
    // Fewer bytes to read and compile on every start; names stay, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
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
writeStamp(root, fingerprints);
if (args.has('--electron')) {
  await buildElectron();
  if (args.has('--native')) rebuildNativeForElectron();
}
