import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server of the head-office tests, or null when there is none (tests skip). */
    testPgUrl: string | null;
  }
}

const CLUSTER_SCRIPT = fileURLToPath(new URL('../../.ci/pg-cluster.sh', import.meta.url));
const INSTALL_HINT =
  'apt-get install -y postgresql   (Debian/Ubuntu: the server binaries under /usr/lib/postgresql)';
/** A test file needs PostgreSQL when it asks for the server; the rest of the suite runs without one. */
const NEEDS_PG = /\btestPgUrl\(\)/;

const isCi = () => process.env.CI === 'true' || process.env.CI === '1';

function serverBinariesInstalled(): boolean {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb')));
}

/**
 * Whether this run includes a head-office test. Starting a cluster costs a few seconds of CPU, so a run of
 * other files does not pay for it. When Vitest does not tell us the files, assume it does.
 */
function runNeedsPg(project: TestProject): boolean {
  const paths = project.vitest.state.getPaths();
  if (paths.length === 0) return true;
  return paths.some((p) => {
    try {
      return NEEDS_PG.test(readFileSync(p, 'utf8'));
    } catch {
      return true;
    }
  });
}

function loud(lines: string[]): void {
  const bar = '='.repeat(100);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `  ${l}`).join('\n')}\n${bar}\n\n`);
}

/**
 * PostgreSQL for the head-office tests, so that a plain `npm test` / `npx vitest run` runs them too:
 * TEST_PG_URL when the caller set one; otherwise a throwaway cluster (.ci/pg-cluster.sh, which also handles
 * running as root) stopped in teardown; otherwise a loud line with the install command, and the run fails under
 * CI (a CI run that silently skips them proves nothing) or the tests skip locally.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.TEST_PG_URL;
  if (given) {
    project.provide('testPgUrl', given);
    return undefined;
  }
  project.provide('testPgUrl', null);
  if (!runNeedsPg(project)) return undefined;

  if (!serverBinariesInstalled()) {
    loud([
      `[head-office tests ${isCi() ? 'FAILED' : 'SKIPPED'}] PostgreSQL server binaries are not installed. Install them with`,
      `  ${INSTALL_HINT}`,
      'or point TEST_PG_URL at a server you have (postgres://user@host:port/db).',
    ]);
    if (isCi()) throw new Error(`PostgreSQL is required under CI for the head-office tests: ${INSTALL_HINT}`);
    return undefined;
  }

  const dir = mkdtempSync(join(tmpdir(), 'vitest-pg-'));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync('bash', [CLUSTER_SCRIPT, 'stop', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      // Best effort: a cluster that will not stop must not hide the test results.
    }
  };
  let out: string;
  try {
    out = execFileSync('bash', [CLUSTER_SCRIPT, 'start', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    stop();
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`could not start a throwaway PostgreSQL cluster for the head-office tests:\n${stderr}`, {
      cause: err,
    });
  }
  const url = /TEST_PG_URL=(\S+)/.exec(out)?.[1];
  if (!url) {
    stop();
    throw new Error(`.ci/pg-cluster.sh start printed no TEST_PG_URL: ${out}`);
  }
  // An interrupted run (Ctrl-C) may skip teardown; the exit hook still removes the cluster.
  process.once('exit', stop);
  project.provide('testPgUrl', url);
  return stop;
}
