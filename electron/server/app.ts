import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import { frameworkErrors, installErrorHandlers } from './errors';
import { serveRenderer } from './renderer-files';
import { customerRoutes } from './routes/customers';
import { consentRoutes } from './routes/consent';
import { prospectRoutes } from './routes/prospects';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import { queueRoutes } from './routes/queue';
import { floorRoutes } from './routes/floor';
import { visitRoutes } from './routes/visit';
import { importRoutes } from './routes/import';
import { exportRoutes } from './routes/export';
import { auditRoutes } from './routes/audit';
import { vipRoutes } from './routes/vip';
import { syncRoutes } from './routes/sync';
import { ImportsApp } from '../app/imports';
import { ExportsApp } from '../app/exports';
import { ImportJobs } from '../sync/import/jobs';
import { ExportRepo } from '../db/repos/exports';
import { liveSocket } from './live';
import { guardOrigin } from './origin';
import { allRoutes } from '@shared/api/routes';
import { appointmentRoutes } from './routes/appointments';
import { backupRoutes } from './routes/backups';
import { Http, unregistered } from './route';
import { registerRateLimit } from './rate-limit';
import { counterRoutes } from './routes/counters';
import { displayRoutes } from './routes/displays';
import { settingsRoutes } from './routes/settings';
import { setupRoutes } from './routes/setup';
import { staffRoutes } from './routes/staff';
import { feedbackRoutes } from './routes/feedback';
import { staffingRoutes } from './routes/staffing';
import { outreachRoutes } from './routes/outreach';
import { alertSocket } from './alerts';
import { dashboardRoutes } from './routes/dashboard';
import { AlertWatcher } from '../app/dashboard/live';
import { reportExport } from '../app/dashboard/export';
import { formatters } from '../sync/export/columns';
import { SettingsOriginApp } from '../app/settings-origin';
import { SettingsOriginRepo } from '../db/repos/settings-origin';

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // Ant Design injects styles at run time, hence 'unsafe-inline' for styles only.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    frameworkErrors,
  });
  installErrorHandlers(app);
  await app.register(cookie);
  guardOrigin(app);
  await registerRateLimit(app, ctx);

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 500) req.log.error({ req, status: reply.statusCode }, 'request failed');
    // An access log only when asked for (LOG_LEVEL=debug); the req serializer masks PII and drops tokens.
    else req.log.debug({ req, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  const http = new Http(app, ctx.auth, () => ctx.rules().security.passwordAttemptsPerMinute);
  healthRoutes(http, ctx);
  sessionRoutes(http, { session: ctx.sessionApp });
  setupRoutes(http, { staff: ctx.staffApp, lan: ctx.opts.lan });
  staffRoutes(http, { staff: ctx.staffApp });
  counterRoutes(http, { counters: ctx.queueApps.counters });
  settingsRoutes(http, {
    settings: ctx.settingsApp,
    preview: ctx.settingsPreview,
    origin: new SettingsOriginApp({ repo: new SettingsOriginRepo(ctx.store), rules: () => ctx.rules() }),
  });
  displayRoutes(http, { displays: ctx.displaysApp, lan: ctx.opts.lan });
  customerRoutes(http, { customers: ctx.customersApp, visits: ctx.visitsApp });
  consentRoutes(http, ctx.consent);
  prospectRoutes(http, ctx.prospectMods.prospects, ctx.prospectMods.slips);
  queueRoutes(http, {
    queue: ctx.queue,
    identify: ctx.queueApps.identify,
    rules: () => ctx.rules(),
    grouped: (fn) => ctx.store.grouped(fn),
  });
  floorRoutes(http, { floor: ctx.queueApps.floor });
  visitRoutes(http, { visits: ctx.visitsApp });
  importRoutes(http, {
    imports: new ImportsApp({
      jobs: new ImportJobs({
        store: ctx.store,
        pii: ctx.pii,
        rules: () => ctx.rules(),
        now: ctx.now,
        log: ctx.log,
        afterImport: () => ctx.prospectMods.prospects.linkAll(),
      }),
      store: ctx.store,
      audit: ctx.audit,
      now: ctx.now,
      rules: () => ctx.rules(),
    }),
  });
  exportRoutes(http, {
    exports: new ExportsApp({
      repo: new ExportRepo(ctx.store),
      audit: ctx.audit,
      now: ctx.now,
      rules: () => ctx.rules(),
    }),
  });
  auditRoutes(http, ctx);
  vipRoutes(http, { vip: ctx.queueApps.vip });
  syncRoutes(http, { sync: ctx.syncApp });
  feedbackRoutes(http, ctx.feedback);
  staffingRoutes(http, { staffing: ctx.staffingApp });
  outreachRoutes(http, {
    outreach: ctx.outreach,
    owners: ctx.owners,
    config: () => ctx.rules().outreach,
  });
  dashboardRoutes(http, {
    dashboard: ctx.dashboard,
    reports: ctx.reports,
    exportTable: (table, q, staffId) =>
      reportExport(
        {
          reports: ctx.reports,
          audit: ctx.audit,
          now: ctx.now,
          fmtTime: (ms) => formatters(ctx.rules()).time(ms) ?? '',
          branchName: () => ctx.rules().branch.name,
        },
        table,
        q,
        staffId,
      ),
  });
  appointmentRoutes(http, { appointments: ctx.appointmentsApp });
  backupRoutes(http, { backups: ctx.backups });
  // The contract and the server cannot drift apart: a route declared in shared/api/routes without a handler here
  // would be a typed call that always 404s, so the server refuses to start.
  const missing = unregistered(allRoutes, http.registered);
  if (missing.length) throw new Error(`routes declared without a handler: ${missing.join(', ')}`);
  for (const d of http.registered) {
    ctx.routeTable.push({
      method: d.method,
      url: d.path,
      roles: d.roles,
      summary: d.summary,
      display: d.display === true,
    });
  }
  await liveSocket(app, { auth: ctx.auth, queue: ctx.queue, now: ctx.now });
  await alertSocket(app, { auth: ctx.auth, alerts: ctx.ownerAlerts });
  // Threshold alerts pushed on the live feed (the dashboard and the lobby's screen), hubs only.
  if (ctx.opts.role === 'hub') {
    const watcher = new AlertWatcher(ctx.dashboard, ctx.queue, ctx.log);
    // A lowered threshold shows at once, not at the next ticket event or half-minute tick.
    const off = ctx.settingsApp.onChanged(() => watcher.check());
    app.addHook('onClose', async () => {
      off();
      watcher.stop();
    });
  }

  await serveRenderer(app, ctx.opts.staticDir, 'spa');
  return app;
}
