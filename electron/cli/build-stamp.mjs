// Plain JavaScript on purpose: `npm run serve` checks the build with it before any TypeScript tooling loads.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp.json';
/** What installs and configures the build: a change to any of them may change every output. */
const COMMON = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'tsconfig.json'];
/** Tests never reach a bundle; editing one must not cost a rebuild. */
const NOT_BUILT = /\.test\.tsx?$/;

/**
 * A digest of every file's path, size and mtime. Unlike "newest mtime", it also changes when a file is
 * deleted or replaced by an older copy (git stash, cp -p, an archive), which must rebuild too.
 */
function digest(root, dirs, files) {
  const hash = createHash('sha1');
  const add = (rel) => {
    try {
      const s = statSync(join(root, rel));
      hash.update(`${rel}\0${s.size}\0${s.mtimeMs}\n`);
    } catch {
      hash.update(`${rel}\0missing\n`);
    }
  };
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      hash.update(`${rel}/\0missing\n`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (!NOT_BUILT.test(e.name)) add(p);
    }
  };
  for (const d of dirs) walk(d);
  for (const f of [...COMMON, ...files]) add(f);
  return hash.digest('hex');
}

/** The current sources of each output of the serve build. */
export function sourceFingerprints(root) {
  return {
    renderer: digest(root, ['renderer', 'shared'], ['vite.config.ts']),
    server: digest(root, ['electron', 'shared'], []),
  };
}

/** What the last successful build was made from, or null. */
export function readStamp(root) {
  try {
    const s = JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
    return typeof s.renderer === 'string' && typeof s.server === 'string' ? s : null;
  } catch {
    return null;
  }
}

/** Written after a successful build, with the fingerprints taken before it (an edit during it rebuilds next time). */
export function writeStamp(root, fingerprints) {
  writeFileSync(join(root, STAMP), `${JSON.stringify(fingerprints)}\n`);
}

/** Whether `dist/` holds the renderer and server built from exactly the current sources. */
export function serveBuildIsFresh(root) {
  const outputs = ['dist/server/cli.js', 'dist/server/serve.cjs', 'dist/renderer/index.html'];
  if (!outputs.every((f) => existsSync(join(root, f)))) return false;
  const stamp = readStamp(root);
  if (!stamp) return false;
  const now = sourceFingerprints(root);
  return stamp.renderer === now.renderer && stamp.server === now.server;
}
