import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { staticKeyProvider, type PiiKeys } from '../../electron/db/pii';
import type { ServeConfig } from '../../electron/server/config';
import { startHeadOffice, type HeadOfficeServer } from '../../electron/server/headoffice/start';
import { startServer, type RunningServer } from '../../electron/server/start';
import { freshDatabase } from './pg';

export interface Hub extends RunningServer {
  stop: () => Promise<void>;
  sql: <T>(query: string, ...params: unknown[]) => T[];
  login: (username: string) => Promise<string>;
  post: (path: string, body: unknown, token: string) => Promise<Response>;
}

/** A real branch hub on a temp dir; `keys` fixes its PII key (two hubs of one bank share one). */
export async function startHub(
  opts: {
    customers?: number;
    keys?: PiiKeys;
    branchCode?: string;
    headoffice?: { url: string; key: string };
  } = {},
): Promise<Hub> {
  const dir = mkdtempSync(join(tmpdir(), 'ho-hub-'));
  const cfg: ServeConfig = {
    port: 0,
    host: '127.0.0.1',
    lan: false,
    dataDir: join(dir, 'data'),
    role: 'hub',
    demo: true,
    demoCustomers: opts.customers ?? 0,
    logLevel: 'silent',
    ...(opts.headoffice ? { headoffice: opts.headoffice.url, branchKey: opts.headoffice.key } : {}),
  };
  const server = await startServer(cfg, {
    staticDir: null,
    log: pino({ level: 'silent' }),
    // No daily copy: after 12:00 branch time it would land, audited (a journal row), in the middle of a test.
    backupCheckMs: 0,
    ...(opts.keys ? { keyProvider: staticKeyProvider(opts.keys) } : {}),
  });
  // A second demo branch of the same bank: the demo seed always names itself DEMO01.
  if (opts.branchCode) server.store.sqlite.prepare('UPDATE branch SET code = ?').run(opts.branchCode);
  const post = (path: string, body: unknown, token: string) =>
    fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  return {
    ...server,
    sql: <T>(query: string, ...params: unknown[]) => server.store.sqlite.prepare(query).all(...params) as T[],
    post,
    login: async (username) => {
      const res = await post('/api/session', { username, password: 'demo1234' }, '');
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A head-office server on a new database of the test PostgreSQL. */
export async function startTestHeadOffice(
  pgUrl: string,
): Promise<HeadOfficeServer & { stop: () => Promise<void> }> {
  const db = await freshDatabase(pgUrl);
  const ho = await startHeadOffice(
    { pg: db.url, port: 0, host: '127.0.0.1' },
    { log: pino({ level: 'silent' }), version: 'test' },
  );
  return {
    ...ho,
    stop: async () => {
      await ho.close();
      await db.drop();
    },
  };
}

/** Registers a branch at the head office and returns its branch key. */
export async function enrol(ho: HeadOfficeServer, code: string): Promise<{ branchId: string; key: string }> {
  const now = Date.now();
  const branchId = (await ho.ho.keys.branchByCode(code))?.id ?? (await ho.ho.keys.addBranch(code, code, now));
  const { token } = await ho.ho.keys.issue({ scope: 'branch', branchId }, null, now);
  return { branchId, key: token };
}
