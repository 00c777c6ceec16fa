import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';
import type { Bench } from './types';

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

/** One cold start: process spawn → first 200 from /api/health, in ms. */
async function startOnce(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['dist/server/cli.js', '--port', String(port), '--data', dataDir, '--log-level', 'warn'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  try {
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, Date.now() + 60_000);
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
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
  describe: 'serve start → first /api/health; gzip JS of the first screen',
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-p5-'));
    const port = 5900 + Math.floor(Math.random() * 500);
    try {
      // First start seeds the demo branch; the measured starts are restarts of a branch server with data.
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
            target: '< 1500',
            measured: String(ms),
            pass: ms < 1500,
          },
          { figure: 'renderer_js_gzip_kb', target: '< 600', measured: String(kb), pass: kb < 600 },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
