import type { FastifyInstance } from 'fastify';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { defaultRulesConfig } from '@shared/config/schema';
import pkg from '../../package.json' with { type: 'json' };
import { appliedMigrations, openStore, type Store } from '../db/connection';
import { DEMO_PASSWORD, seedBranch, seedCustomers } from '../db/demo/seed';
import { newId } from '../db/ids';
import { loadOrCreateKeys, Pii } from '../db/pii';
import { buildApp } from './app';
import type { ServeConfig } from './config';
import { AppContext } from './context';
import { hashPassword } from './password';

export const APP_VERSION: string = pkg.version;
export const DEMO_SEED = 20261123;

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  store: Store;
  url: string;
  close: () => Promise<void>;
}

/** A stable id for this install, so events it creates can be told apart from other devices'. */
function deviceId(dataDir: string): string {
  const file = join(dataDir, 'device.json');
  if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { id: string }).id;
  const id = newId();
  writeFileSync(file, JSON.stringify({ id }), { mode: 0o600 });
  return id;
}

export async function startServer(
  cfg: ServeConfig,
  opts: { staticDir: string | null; log: Logger; now?: () => number },
): Promise<RunningServer> {
  mkdirSync(cfg.dataDir, { recursive: true });
  const store = await openStore(join(cfg.dataDir, 'branch.db'));
  const pii = new Pii(loadOrCreateKeys(cfg.keyFile ?? `${cfg.dataDir}.keys/pii.key`));
  const ctx = new AppContext(store, pii, opts.log, {
    version: APP_VERSION,
    schemaVersion: appliedMigrations(store.sqlite).at(-1) ?? '',
    role: cfg.role,
    deviceId: deviceId(cfg.dataDir),
    staticDir: opts.staticDir,
    sessionHours: 12,
    ...(opts.now ? { now: opts.now } : {}),
  });

  if (cfg.demo && ctx.staff.count() === 0) {
    const now = ctx.now();
    const started = Date.now();
    seedBranch(store, defaultRulesConfig, await hashPassword(DEMO_PASSWORD), now);
    const n = seedCustomers(store, pii, defaultRulesConfig, {
      count: cfg.demoCustomers,
      seed: DEMO_SEED,
      now,
    });
    opts.log.info({ customers: n, ms: Date.now() - started }, 'seeded the demo branch');
  }

  const app = await buildApp(ctx);
  await app.listen({ port: cfg.port, host: cfg.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const host = cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host;
  let closed = false;
  return {
    app,
    ctx,
    store,
    url: `http://${host}:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      store.close();
    },
  };
}
