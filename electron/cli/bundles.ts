/**
 * What electron/cli/build.ts hands esbuild: the server's bundles for `npm run serve` and the CLIs,
 * and Electron's. Apart from build.ts so a test can build them in memory and read the warnings.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { join } from 'node:path';

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
 * A CommonJS bundle has no `import.meta`: esbuild would leave `{}`, and `createRequire(import.meta.url)`
 * (how the backup and import workers find better-sqlite3) would throw. Each bundle gets its own file URL.
 * The banner goes above esbuild's "use strict", so it repeats it: the bundle stays strict code.
 */
const IMPORT_META_URL_IN_CJS: BuildOptions = {
  define: { 'import.meta.url': '__import_meta_url' },
  banner: {
    js: "'use strict'; const __import_meta_url = require('node:url').pathToFileURL(__filename).href;",
  },
};

/** Bundled ES modules call require(), __dirname and __filename from the CommonJS packages inside. */
const COMMONJS_NAMES_IN_ESM = [
  "import { createRequire as __cr } from 'node:module';",
  "import { fileURLToPath as __fu } from 'node:url';",
  "import { dirname as __dn } from 'node:path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fu(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join(' ');

/** What every bundle here is: one file for Node 20 with its packages inside, and a source map. */
function nodeBundle(root: string): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  };
}

/**
 * One file each with the packages inside: resolving and reading hundreds of node_modules files was
 * most of a cold start. better-sqlite3 (native) and ws's optional speed-ups stay outside, as in Electron.
 *
 * - `serve.cjs`: the branch server, CommonJS so code-cache.ts can run it with V8's code cache.
 * - `cli.js` (serve-start.ts, which runs serve.cjs), `import-cli.js`, `headoffice-cli.js` and
 *   `restore-cli.js` (restoring on an install without the sources): the historical names that
 *   `npm run serve`, playwright.config.ts, the e2e specs, the benches and the docs start.
 */
export function serverBundles(root: string): BuildOptions[] {
  const common: BuildOptions = {
    ...nodeBundle(root),
    outdir: join(root, 'dist/server'),
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate', 'pg-native'],
    plugins: [lazyDefaultImports(['exceljs', 'pg', 'iconv-lite'])],
    // Fewer bytes to read and compile on every start; names stay, so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
  };
  return [
    {
      ...common,
      ...IMPORT_META_URL_IN_CJS,
      entryPoints: { serve: join(root, 'electron/cli/serve.ts') },
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
    },
    {
      ...common,
      entryPoints: {
        cli: join(root, 'electron/cli/serve-start.ts'),
        'import-cli': join(root, 'electron/cli/import.ts'),
        'headoffice-cli': join(root, 'electron/cli/headoffice.ts'),
        'restore-cli': join(root, 'electron/cli/restore.ts'),
      },
      format: 'esm',
      banner: { js: COMMONJS_NAMES_IN_ESM },
    },
  ];
}

/**
 * Main, preload and the server's utility process, each one self-contained file: only electron
 * and the native better-sqlite3 stay outside, so the package ships those two and no other
 * node_modules (electron-builder.yml lists the same; bufferutil/utf-8-validate are ws's optional
 * speed-ups, absent on purpose). The preload runs sandboxed, where require() knows almost nothing,
 * so it is built without the `import.meta.url` stand-in (it has no use for one).
 */
export const ELECTRON_EXTERNAL = ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'];

export function electronBundles(root: string): BuildOptions[] {
  const common: BuildOptions = {
    ...nodeBundle(root),
    outdir: join(root, 'dist/electron'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ELECTRON_EXTERNAL,
  };
  return [
    {
      ...common,
      ...IMPORT_META_URL_IN_CJS,
      entryPoints: {
        main: join(root, 'electron/main/main.ts'),
        'server-process': join(root, 'electron/main/server-process-entry.ts'),
      },
    },
    { ...common, entryPoints: { preload: join(root, 'electron/preload/preload.ts') } },
  ];
}
