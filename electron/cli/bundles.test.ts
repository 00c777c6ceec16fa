import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBundles, serverBundles } from './bundles';

const root = resolve(import.meta.dirname, '../..');

/** Builds in memory and returns esbuild's warnings with their files, and the output files' text. */
async function buildAll(options: ReturnType<typeof serverBundles>) {
  const results = await Promise.all(
    options.map((o) => build({ ...o, write: false, sourcemap: false, logLevel: 'silent' })),
  );
  return {
    warnings: results.flatMap((r) => r.warnings.map((w) => `${w.location?.file ?? ''}: ${w.text}`)),
    files: results.flatMap((r) => r.outputFiles),
  };
}

describe('the bundles electron/cli/build.ts makes', () => {
  // A CommonJS bundle with `import.meta` left empty could not start the backup or import workers.
  it('build the server without a warning, the serve bundle as CommonJS with a real import.meta.url', async () => {
    const { warnings, files } = await buildAll(serverBundles(root));
    expect(warnings).toEqual([]);
    const serve = files.find((f) => f.path.endsWith('serve.cjs'));
    const text = serve?.text ?? '';
    // Strict code, as the ES modules it was built from were; the directive must come first.
    expect(text.slice(0, 80)).toMatch(/^'use strict'; const __import_meta_url = require\('node:url'\)/);
    expect(/import_meta\d* ?= ?\{\}/.test(text)).toBe(false);
    // The demo generators load only when a demo branch is seeded (start.ts imports them on demand): esbuild then
    // wraps them to run on first use instead of at every start.
    expect(text).toContain('init_population=__esm(');
    expect(files.map((f) => f.path.slice(root.length + 1)).sort()).toEqual([
      'dist/server/cli.js',
      'dist/server/headoffice-cli.js',
      'dist/server/import-cli.js',
      'dist/server/restore-cli.js',
      'dist/server/serve.cjs',
    ]);
  }, 60_000);

  it('build Electron without a warning; the sandboxed preload requires nothing but electron', async () => {
    const { warnings, files } = await buildAll(electronBundles(root));
    expect(warnings).toEqual([]);
    for (const name of ['main.cjs', 'server-process.cjs']) {
      const text = files.find((f) => f.path.endsWith(name))?.text ?? '';
      expect(text.slice(0, 80)).toMatch(/^'use strict'; const __import_meta_url = /);
      expect(/import_meta\d* ?= ?\{\}/.test(text)).toBe(false);
    }
    const preload = files.find((f) => f.path.endsWith('preload.cjs'))?.text ?? '';
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  }, 60_000);
});
