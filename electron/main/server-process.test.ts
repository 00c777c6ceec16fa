import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServeConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { DEMO_PASSWORD } from '../db/demo/seed';
import { startServer, type RunningServer } from '../server/start';
import { LAUNCH_HEADER } from './launch-token';
import { rotatingFile } from './logfile';
import { serveOverPort, type FromServer, type ServerProcessDeps, type ToServer } from './server-process';

function fakePort(order?: string[]) {
  let listener: (e: { data: unknown }) => void = () => {};
  const sent: FromServer[] = [];
  let waiters: (() => void)[] = [];
  return {
    sent,
    port: {
      on: (_e: 'message', fn: (e: { data: unknown }) => void) => (listener = fn),
      postMessage: (m: FromServer) => {
        sent.push(m);
        order?.push(`sent ${m.type}`);
        const pending = waiters;
        waiters = [];
        for (const w of pending) w();
      },
    },
    send: (m: ToServer) => listener({ data: m }),
    next: (type: FromServer['type']) =>
      new Promise<FromServer>((resolve) => {
        const check = () => {
          const m = sent.find((x) => x.type === type);
          if (m) resolve(m);
          else waiters.push(check);
        };
        check();
      }),
  };
}

const cfg = (dataDir: string): ServeConfig => ({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  role: 'hub',
  demo: true,
  demoCustomers: 0,
  logLevel: 'warn',
});

const quietLog = () => pino({ level: 'silent' });

describe('serveOverPort (with a fake server)', () => {
  function fakeServer(order: string[]): RunningServer {
    return {
      url: 'http://127.0.0.1:1',
      app: {
        server: {
          listeners: () => [],
          removeAllListeners: () => {},
          on: () => {},
          closeIdleConnections: () => {},
        },
      },
      close: async () => {
        order.push('close');
      },
    } as unknown as RunningServer;
  }

  it('reports ready with the URL, and on stop closes the server before saying so and exiting', async () => {
    const order: string[] = [];
    const { port, send, next } = fakePort(order);
    const deps: ServerProcessDeps = {
      start: async () => fakeServer(order),
      openLog: quietLog,
      exit: (code) => order.push(`exit ${code}`),
    };
    serveOverPort(port, deps);
    send({ type: 'start', cfg: cfg('/x'), staticDir: '/r', token: 't', logFile: '/l' });
    expect(await next('ready')).toEqual({ type: 'ready', url: 'http://127.0.0.1:1' });
    send({ type: 'stop' });
    await vi.waitFor(() => expect(order).toEqual(['sent ready', 'close', 'sent stopped', 'exit 0']));
  });

  it('reports a failed start and exits 1', async () => {
    const { port, send, next } = fakePort();
    const exit = vi.fn();
    serveOverPort(port, {
      start: async () => {
        throw new Error('NODE_MODULE_VERSION 115 … requires 137');
      },
      openLog: quietLog,
      exit,
    });
    send({ type: 'start', cfg: cfg('/x'), staticDir: '/r', token: 't', logFile: '/l' });
    expect(await next('failed')).toEqual({
      type: 'failed',
      message: 'NODE_MODULE_VERSION 115 … requires 137',
    });
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('a stop during start waits for the start, then closes', async () => {
    const order: string[] = [];
    let finishStart: (s: RunningServer) => void = () => {};
    const { port, send, next } = fakePort();
    serveOverPort(port, {
      start: () => new Promise((r) => (finishStart = r)),
      openLog: quietLog,
      exit: (code) => order.push(`exit ${code}`),
    });
    send({ type: 'start', cfg: cfg('/x'), staticDir: '/r', token: 't', logFile: '/l' });
    send({ type: 'stop' });
    finishStart(fakeServer(order));
    await next('stopped');
    await vi.waitFor(() => expect(order).toEqual(['close', 'exit 0']));
  });
});

describe('serveOverPort (with the real branch server)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('guards every request with the launch token; stop drains in-flight writes, checkpoints and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'server-process-'));
    dirs.push(dir);
    const token = 'launch-token-for-test';
    const started: { server?: RunningServer } = {};
    const exit = vi.fn();
    const { port, send, next } = fakePort();
    serveOverPort(port, {
      start: async (c, o) => (started.server = await startServer(c, o)),
      openLog: (file, level) =>
        createLogger({ level, destination: rotatingFile(file, { maxBytes: 1e6, keep: 1 }) }),
      exit,
    });
    send({
      type: 'start',
      cfg: cfg(join(dir, 'data')),
      staticDir: join(dir, 'none'),
      token,
      logFile: join(dir, 'logs/server.log'),
    });
    const ready = (await next('ready')) as { url: string };

    expect((await fetch(`${ready.url}/api/health`)).status).toBe(403);
    expect((await fetch(`${ready.url}/api/health`, { headers: { [LAUNCH_HEADER]: token } })).status).toBe(
      200,
    );

    // Five logins in flight (each a scrypt check, then a session row written) when stop arrives.
    const server = started.server?.app.server;
    let received = 0;
    server?.on('request', () => received++);
    const logins = ['teller1', 'teller2', 'teller3', 'lobby1', 'rm1'].map((username) =>
      fetch(`${ready.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [LAUNCH_HEADER]: token },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      }),
    );
    await vi.waitFor(() => expect(received).toBe(5));
    send({ type: 'stop' });
    expect((await Promise.all(logins)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await next('stopped');
    expect(exit).toHaveBeenCalledWith(0);

    await expect(fetch(`${ready.url}/api/health`, { headers: { [LAUNCH_HEADER]: token } })).rejects.toThrow();
    expect(started.server?.store.sqlite.open).toBe(false);
    const wal = join(dir, 'data', 'branch.db-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0); // checkpointed (TRUNCATE) before close
    const db = new Database(join(dir, 'data', 'branch.db'), { readonly: true });
    expect((db.prepare('select count(*) as n from sessions').get() as { n: number }).n).toBe(5);
    db.close();
    expect(readFileSync(join(dir, 'logs/server.log'), 'utf8')).not.toContain(DEMO_PASSWORD);
  });
});
