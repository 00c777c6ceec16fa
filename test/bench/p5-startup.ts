import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';
import type { Bench } from './types';
import { freePort } from './ports';

const root = process.cwd();

async function waitHealthy(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Until nothing answers on the port any more: the server of the previous start has really gone. */
async function waitGone(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(url);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`${url} still answers after the server was stopped`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * One start exactly as the README has a user run it, `npm run serve` (npm, the launcher, the server):
 * process spawn → first 200 from /api/health, in ms. The whole process group is stopped after.
 */
async function startOnce(dataDir: string, port: number): Promise<number> {
  const health = `http://127.0.0.1:${port}/api/health`;
  const t0 = performance.now();
  const child = spawn(
    'npm',
    ['run', 'serve', '--', '--port', String(port), '--data', dataDir, '--log-level', 'warn'],
    { cwd: root, stdio: 'ignore', detached: true },
  );
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await waitHealthy(health, Date.now() + 120_000);
    return performance.now() - t0;
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
    await waitGone(health, Date.now() + 30_000);
  }
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Gzipped JS needed to show the login screen: the entry, its static imports and the login chunk. */
function firstScreenJsGzipKb(): number {
  const dist = join(root, 'dist/renderer');
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imp of manifest[key]?.imports ?? []) visit(imp);
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry || key.endsWith('screens/login/LoginScreen.tsx')) visit(key);
  }
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key]?.file;
    if (file?.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

export const p5Startup: Bench = {
  key: 'P5_startup',
  describe: '`npm run serve` start → first /api/health; gzip JS of the first screen',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-p5-'));
    const port = await freePort();
    try {
      // The first start builds when the sources changed and seeds the demo branch; the measured starts
      // are restarts of a branch server with data, on a fresh build.
      await startOnce(join(dir, 'data'), port);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await startOnce(join(dir, 'data'), port));
      runs.sort((a, b) => a - b);
      const ms = round(runs[2] as number, 0);
      const kb = round(firstScreenJsGzipKb(), 1);
      return {
        fields: { first_response_ms: ms, renderer_js_gzip_kb: kb },
        checks: [
          {
            figure: 'first_response_ms (median of 5)',
            target: '≤ 1000',
            measured: String(ms),
            pass: ms <= 1000,
          },
          { figure: 'renderer_js_gzip_kb', target: '< 600', measured: String(kb), pass: kb < 600 },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
