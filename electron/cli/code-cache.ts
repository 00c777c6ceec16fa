/**
 * Runs a CommonJS bundle with V8's code cache beside it. Compiling the 3 MB server bundle and the
 * functions its start-up calls was ~130 ms of every `npm run serve` (P5_startup); with the cache
 * V8 deserializes them instead. Node 20 has no compile cache for ES modules (`module.enableCompileCache`
 * came with Node 22), hence a CommonJS bundle run through `vm.Script` and its `cachedData`.
 *
 * V8 checks its own version and flags against a cache, but of the source only its length (a rebuilt
 * bundle of the same length would run the old code), and of the payload nothing: a damaged cache
 * crashes the process (a V8 fatal error, checked on Node 20). So the file starts with a digest of the
 * source it was made from and one of the payload, and a cache that fails either is not used.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

// sha1, ~5 ms for the bundle and as much for the cache: a check against accidents, not a security
// boundary (whoever can write the cache can write the bundle beside it).
const DIGEST_BYTES = 20;
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest();

export interface BundleRun {
  /** What the bundle assigned to `module.exports`. */
  exports: Record<string, unknown>;
  /** Whether V8 took the cache file (false: none yet, made from other source, or rejected by V8). */
  cacheUsed: boolean;
  /** Writes the cache for this source, taking in every function compiled so far; false if it could not. */
  saveCache: () => boolean;
}

export function runBundle(file: string, cacheFile = `${file}.v8cache`): BundleRun {
  const bytes = readFileSync(file);
  const digest = sha1(bytes); // of the bytes: hashing the decoded string would encode it back first
  const source = bytes.toString('utf8');
  let cachedData: Buffer | undefined;
  try {
    const raw = readFileSync(cacheFile);
    const payload = raw.subarray(2 * DIGEST_BYTES);
    if (
      raw.subarray(0, DIGEST_BYTES).equals(digest) &&
      raw.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(sha1(payload)) &&
      payload.length > 0
    ) {
      cachedData = payload;
    }
  } catch {
    // no cache yet: the first start after a build
  }
  // The same wrapper Node gives a CommonJS file, so the bundle sees exactly what it would under require().
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const mod = new Module(file);
  mod.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  const saveCache = (): boolean => {
    const partial = `${cacheFile}.${process.pid}.partial`;
    try {
      // Written whole, then renamed: a server starting meanwhile reads the old file or the new one.
      const payload = script.createCachedData();
      writeFileSync(partial, Buffer.concat([digest, sha1(payload), payload]));
      renameSync(partial, cacheFile);
      return true;
    } catch {
      rmSync(partial, { force: true }); // a read-only install: every start compiles, as before
      return false;
    }
  };
  return { exports: mod.exports as Record<string, unknown>, cacheUsed, saveCache };
}
