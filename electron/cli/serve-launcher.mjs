// `npm run serve`: plain JavaScript, so a start on a fresh build loads no TypeScript tooling (tsx alone costs
// most of a second). It checks the build against the sources (build-stamp.mjs), runs the TypeScript build only
// when something changed, then runs the bundled server in this same process.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveBuildIsFresh } from './build-stamp.mjs';

const root = resolve(import.meta.dirname, '../..');

if (!serveBuildIsFresh(root)) {
  console.log('building… (the first start after install or a source change; later starts skip this)');
  const started = Date.now();
  const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/build.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error('the build failed; the server was not started');
    process.exit(built.status ?? 1);
  }
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await import(pathToFileURL(join(root, 'dist/server/cli.js')).href);
