import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { SyncConfig } from '@shared/sync/config';
import type { SyncStatus } from '@shared/sync/api';
import type { ServeConfig } from '../../electron/server/config';
import { startServer, type RunningServer } from '../../electron/server/start';
import { startProxy, type LinkProxy } from './proxy';

/** Fast replication for tests: short polls and backoff, small pages. */
export const FAST_SYNC: Partial<SyncConfig> = {
  pollMs: 100,
  backoffMinMs: 50,
  backoffMaxMs: 300,
  snapshotPage: 500,
};

export interface Node extends RunningServer {
  dataDir: string;
  login: (username: string, password?: string) => Promise<string>;
  call: <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ) => Promise<{ status: number; body: T }>;
  stop: () => Promise<void>;
}

function wrap(server: RunningServer, dataDir: string, cleanup: boolean): Node {
  const send = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(server.url + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  const call = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    // A server restarted on the same port: the first request may go out on a kept-alive socket of the old one.
    const res = await send(method, path, body, token).catch((e: unknown) => {
      const code = (e as { cause?: { code?: string } }).cause?.code;
      if (code !== 'UND_ERR_SOCKET') throw e;
      return send(method, path, body, token);
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    ...server,
    dataDir,
    call,
    login: async (username, password = 'demo1234') => {
      const r = await call<{ token: string }>('POST', '/api/session', { username, password });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    stop: async () => {
      await server.close();
      if (cleanup) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;

/**
 * An injected clock at 09:00 of today's branch day (Asia/Shanghai), with that day. Ticket numbers restart at the
 * branch's midnight: a test that moves the clock on by an hour or two from here never crosses it (run at 23:30 Beijing
 * time, a real-clock start did, and legitimately reused numbers).
 */
export function morningClock(): { t: number; now: () => number; day: string } {
  const dayStart = Math.floor((Date.now() + SHANGHAI) / (24 * HOUR)) * 24 * HOUR - SHANGHAI;
  const clock = {
    t: dayStart + 9 * HOUR,
    now: () => clock.t,
    day: new Date(dayStart + SHANGHAI).toISOString().slice(0, 10),
  };
  return clock;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startHub(
  opts: { dir?: string; port?: number; customers?: number; now?: () => number; keep?: boolean } = {},
): Promise<Node> {
  const dir = opts.dir ?? tempDir('sync-hub-');
  const cfg: ServeConfig = {
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    role: 'hub',
    demo: true,
    demoCustomers: opts.customers ?? 40,
    logLevel: 'silent',
  };
  const server = await startServer(cfg, {
    staticDir: null,
    log: pino({ level: 'silent' }),
    sync: FAST_SYNC,
    backupCheckMs: 0, // no daily copy landing, audited, in the middle of a test (after 12:00 branch time)
    ...(opts.now ? { now: opts.now } : {}),
  });
  return wrap(server, dir, !opts.keep);
}

export async function startTerminal(
  hubUrl: string,
  opts: { now?: () => number; dir?: string; keep?: boolean; reenroll?: boolean; password?: string } = {},
): Promise<Node> {
  const dir = opts.dir ?? tempDir('sync-term-');
  const cfg: ServeConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    role: 'terminal',
    hub: hubUrl,
    enrollUser: 'manager1',
    enrollPassword: opts.password ?? 'demo1234',
    ...(opts.reenroll ? { reenroll: true } : {}),
    demo: true,
    demoCustomers: 0,
    logLevel: 'silent',
  };
  const server = await startServer(cfg, {
    staticDir: null,
    log: pino({ level: 'silent' }),
    sync: FAST_SYNC,
    backupCheckMs: 0, // no daily copy landing, audited, in the middle of a test (after 12:00 branch time)
    ...(opts.now ? { now: opts.now } : {}),
  });
  return wrap(server, dir, !opts.keep);
}

export function status(n: Node): SyncStatus {
  return n.ctx.sync.status();
}

/** Polls until `pred` holds (bounded). */
export async function until(
  pred: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await pred()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits for a terminal's first snapshot and a clean online cycle. */
export async function synced(t: Node, timeoutMs = 30_000): Promise<void> {
  await until(
    () => {
      const s = status(t);
      return s.online && s.pending === 0 && s.phase === 'online';
    },
    'terminal online and synced',
    timeoutMs,
  );
}

/** One hub, the link a test can cut (a loopback proxy) and one terminal behind it: where most fault tests start. */
export interface Pair {
  hub: Node;
  link: LinkProxy;
  term: Node;
}

/** Starts a pair and waits for the terminal's first sync; what started is stopped again if a later part fails. */
export async function startPair(opts: { customers?: number; now?: () => number } = {}): Promise<Pair> {
  const p: Partial<Pair> = {};
  try {
    p.hub = await startHub(opts);
    p.link = await startProxy({ host: '127.0.0.1', port: Number(new URL(p.hub.url).port) });
    p.term = await startTerminal(p.link.url, opts.now ? { now: opts.now } : {});
    await synced(p.term);
    return p as Pair;
  } catch (e) {
    await stopPair(p);
    throw e;
  }
}

export async function stopPair(p: Partial<Pair>): Promise<void> {
  await p.term?.stop();
  await p.link?.close();
  await p.hub?.stop();
}
