import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { openStore } from '../../db/connection';
import { openHeadOffice } from '../../db/headoffice/connection';
import { testKeys, Pii } from '../../db/pii';
import { AppContext } from '../context';
import { installErrorHandlers } from '../errors';
import { healthRoutes } from '../routes/health';
import { Http } from '../route';
import { headOfficeRoutes } from '../routes/headoffice';
import { HoSettingsPushApp, hoSettingsPublisher } from '../../app/headoffice/settings-push';
import type { RunningServer } from '../running';
import { closeApp } from '../shutdown';
import { limitKeyAttempts } from './key-attempts';
import { HeadOffice } from './services';
import { serveHeadOfficeUi } from './static';
import { SECURITY_HEADERS } from '../app';
import { HeadOfficeApp } from '../../app/headoffice';
import { HoHistoryApp } from '../../app/headoffice/history';
import { consentFeed } from '../../db/headoffice/consent';

/** Pushes of up to 5,000 envelopes (shared/sync/envelope.ts) fit; the branch API keeps its 1 MB. */
const BODY_LIMIT = 32 * 1024 * 1024;

export interface HeadOfficeServer extends RunningServer {
  ho: HeadOffice;
}

/**
 * The `headoffice` role: PostgreSQL holds everything; it serves health, docs and /api/ho/* only.
 * The AppContext the shared route helper needs sits on an in-memory SQLite that holds no data
 * (no staff, no customers) and a throwaway PII key: the head office never decrypts anything.
 */
export async function startHeadOffice(
  cfg: { pg?: string | undefined; port: number; host: string },
  opts: {
    log: Logger;
    version: string;
    now?: () => number;
    /** How long close() lets requests in flight finish before it drops their connections. */
    closeGraceMs?: number;
    /** The built renderer, for the head office's own screens (static.ts); null or absent: API only. */
    staticDir?: string | null;
  },
): Promise<HeadOfficeServer> {
  if (!cfg.pg) throw new Error('the headoffice role needs --pg postgres://… (or PG_URL)');
  const db = await openHeadOffice(cfg.pg);
  const ho = new HeadOffice(db, opts.now ?? Date.now);
  const schemaVersion = (await db.applied()).at(-1) ?? '';
  const store = await openStore(':memory:');
  const ctx = new AppContext(store, new Pii(testKeys()), opts.log, {
    version: opts.version,
    schemaVersion,
    role: 'headoffice',
    deviceId: 'headoffice',
    staticDir: null,
    // No staff, sessions or lobby displays live here: nothing a branch login could reach.
    mode: 'production',
    lan: false,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const app: FastifyInstance = Fastify({
    loggerInstance: opts.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
  });
  installErrorHandlers(app);
  limitKeyAttempts(app, {
    perWindow: ctx.rules().security.passwordAttemptsPerMinute,
    windowMs: 60_000,
    now: ctx.now,
  });
  await app.register(cookie);
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  const http = new Http(app, ctx.auth, () => ctx.rules().security.passwordAttemptsPerMinute);
  healthRoutes(http, ctx);
  headOfficeRoutes(http, {
    headOffice: new HeadOfficeApp({
      keys: ho.keys,
      journal: ho.journal,
      master: ho.master,
      history: new HoHistoryApp({ repo: ho.history, now: ho.now }),
      consentFeed: (branchId, q, now) => consentFeed(ho.db, branchId, q, now),
      settingsPush: new HoSettingsPushApp({
        keys: ho.keys,
        publish: hoSettingsPublisher(ho.db),
        now: ho.now,
      }),
      now: ho.now,
    }),
  });

  await serveHeadOfficeUi(app, opts.staticDir ?? null);

  try {
    await app.listen({ port: cfg.port, host: cfg.host });
  } catch (e) {
    await ho.close();
    store.close();
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const host = cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host;
  let closed = false;
  return {
    app,
    ctx,
    store,
    ho,
    url: `http://${host}:${port}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await closeApp(app, opts.closeGraceMs);
      await ho.close();
      store.close();
    },
  };
}
