import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

/** A branch server as its own process, the way `npm run serve` runs it. */
export interface ServerProc {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

export async function waitHealthy(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Starts the server on a random port and waits for its first answer (a server that never answers is stopped, not
 * left behind). `profDir` (default BENCH_SERVER_PROF=DIR): the server writes a V8 CPU profile there when it stops
 * (keep it out of git).
 */
export async function startServerProc(
  dataDir: string,
  extraArgs: string[] = [],
  opts: { profDir?: string | undefined } = {},
): Promise<ServerProc> {
  const profDir = opts.profDir ?? process.env.BENCH_SERVER_PROF;
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []),
      'dist/server/cli.js',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--log-level',
      'warn',
      // A nightly database copy landing in a measurement would be measured too.
      '--no-backup-schedule',
      ...extraArgs,
    ],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    await waitHealthy(url, Date.now() + 120_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, child, stop };
}

export async function loginToken(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  return ((await res.json()) as { token: string }).token;
}
