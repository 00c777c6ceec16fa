import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBundle } from './code-cache';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle that answers with a value, its own file names and a neighbour it require()s. */
function writeBundle(answer: number): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(join(dir, 'dep.cjs'), 'module.exports = 7;\n');
  writeFileSync(
    file,
    `const dep = require('./dep.cjs');
function compute(n) { return n * 2 + dep; }
module.exports = { answer: compute(${answer}), file: __filename, dir: __dirname, self: this === module.exports };
`,
  );
  return file;
}

/**
 * A start in a process of its own, as every server start is: inside one process V8 would answer a
 * second compile of the same file from memory and never read the cache file at all.
 */
function startInChild(file: string, save = false): { used: boolean; answer: number } {
  const code = `import { runBundle } from ${JSON.stringify(join(import.meta.dirname, 'code-cache.ts'))};
const run = runBundle(${JSON.stringify(file)});
if (${save}) run.saveCache();
console.log(JSON.stringify({ used: run.cacheUsed, answer: run.exports.answer }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { used: boolean; answer: number };
}

describe('runBundle', () => {
  it('runs a CommonJS file as require() would: exports, require beside it, __filename, this', () => {
    const file = writeBundle(10);
    const run = runBundle(file);
    expect(run.exports).toEqual({ answer: 27, file, dir, self: true });
    expect(run.cacheUsed).toBe(false);
  });

  it('saves a cache that the next start uses, with the same result', () => {
    const file = writeBundle(10);
    expect(startInChild(file)).toEqual({ used: false, answer: 27 });
    expect(startInChild(file, true)).toEqual({ used: false, answer: 27 });
    expect(startInChild(file)).toEqual({ used: true, answer: 27 });
  });

  it('ignores a cache made from other source of the same length, and runs the new code', () => {
    const file = writeBundle(10);
    startInChild(file, true);
    writeBundle(20); // same length, different code: V8 alone would take the old cache
    expect(startInChild(file, true)).toEqual({ used: false, answer: 47 });
    expect(startInChild(file)).toEqual({ used: true, answer: 47 });
  });

  it('starts without it, and does not crash, when the cache file is damaged or torn', () => {
    const file = writeBundle(10);
    startInChild(file, true);
    const cache = `${file}.v8cache`;
    const good = readFileSync(cache);
    const flipped = Buffer.from(good);
    for (let i = 60; i < flipped.length; i += 50) flipped[i] = (flipped[i] ?? 0) ^ 0xff;
    writeFileSync(cache, flipped); // V8 itself would die on this one
    expect(startInChild(file)).toEqual({ used: false, answer: 27 });
    writeFileSync(cache, good.subarray(0, good.length - 10));
    expect(startInChild(file)).toEqual({ used: false, answer: 27 });
  });

  it('reports false and leaves nothing behind when the cache cannot be written', () => {
    const file = writeBundle(10);
    const run = runBundle(file, join(dir, 'missing-folder', 'bundle.v8cache'));
    expect(run.saveCache()).toBe(false);
    expect(startInChild(file).used).toBe(false);
  });
});
