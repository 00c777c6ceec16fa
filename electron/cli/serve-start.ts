/**
 * `dist/server/cli.js`, what `npm run serve`, the e2e tests and the benches start: runs the server
 * bundle (`serve.cjs`, built from serve.ts) through V8's code cache (code-cache.ts). After a build
 * the first start compiles as before and writes the cache once the server is listening; every later
 * start reads it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache';

const run = runBundle(join(dirname(fileURLToPath(import.meta.url)), 'serve.cjs'));
if (!run.cacheUsed) {
  // After the start, so the cache holds the functions the start compiled too; the next tick, so the
  // "running" line and the first request are not kept waiting by it.
  void Promise.resolve(run.exports.started).then(() => setImmediate(run.saveCache));
}
