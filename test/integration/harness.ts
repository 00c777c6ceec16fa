import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { ServeConfig } from '../../electron/server/config';
import { startServer, type RunningServer } from '../../electron/server/start';
import type { NotificationSender } from '../../electron/app/appointments/notifier';

export interface TestServer extends RunningServer {
  dataDir: string;
  login: (username: string, password?: string) => Promise<string>;
  get: (path: string, token?: string) => Promise<Response>;
  post: (path: string, body: unknown, token?: string) => Promise<Response>;
  stop: () => Promise<void>;
}

/** A real server on a fresh temp data dir and a free port, with a small deterministic demo branch. */
export async function startTestServer(
  opts: {
    customers?: number;
    now?: () => number;
    /** false: a production install (no demo staff or customers). */
    demo?: boolean;
    /** Listen on all interfaces in LAN mode (lobby displays need a token). */
    lan?: boolean;
    log?: Logger;
    /** Customer notifications go here (the outbox is sent only by ctx.notifier.tick() in tests). */
    notificationSender?: NotificationSender;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-test-'));
  const cfg: ServeConfig = {
    port: 0,
    host: opts.lan ? '0.0.0.0' : '127.0.0.1',
    lan: opts.lan ?? false,
    dataDir: join(dataDir, 'data'),
    role: 'hub',
    demo: opts.demo ?? true,
    demoCustomers: opts.customers ?? 60,
    logLevel: 'silent',
  };
  const server = await startServer(cfg, {
    staticDir: null,
    log: opts.log ?? pino({ level: 'silent' }),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.notificationSender ? { notificationSender: opts.notificationSender } : {}),
    notifyIntervalMs: 0,
    backupCheckMs: 0,
  });
  const headers = (token?: string): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};
  const get = (path: string, token?: string) => fetch(server.url + path, { headers: headers(token) });
  const post = (path: string, body: unknown, token?: string) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(token) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    ...server,
    dataDir,
    get,
    post,
    login: async (username, password = 'demo1234') => {
      const res = await post('/api/session', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Saves the settings in force with `patch` over their branch section (a new version, like the settings screen). */
export async function patchBranchSettings(
  server: TestServer,
  token: string,
  patch: Record<string, unknown>,
  note: string,
): Promise<Response> {
  const { config } = (await (await server.get('/api/settings', token)).json()) as {
    config: { branch: Record<string, unknown> };
  };
  return fetch(server.url + '/api/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ config: { ...config, branch: { ...config.branch, ...patch } }, note }),
  });
}
