import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import pkg from '../../package.json' with { type: 'json' };
import { appliedMigrations, openStore } from '../db/connection';
import { newId } from '../db/ids';
import { fileKeyProvider, Pii, type KeyProvider } from '../db/pii';
import { buildApp } from './app';
import { closeApp } from './shutdown';
import { assertBindAllowed, isLoopbackHost, type ServeConfig } from './config';
import { AppContext } from './context';
import type { SyncConfig } from '@shared/sync/config';
import { enrollTerminal, startReplicator } from '../sync/terminal';
import { startHeadOffice } from './headoffice/start';
import { HeadOfficeSync } from '../sync/headoffice/sync';
import { Upkeep } from '../app/upkeep';
import { restorePending, writePidFile } from '../db/restore';
import type { RunningServer } from './running';
import { LogSender, type NotificationSender } from '../app/appointments/notifier';

export const APP_VERSION: string = pkg.version;
export const DEMO_SEED = 20261123;
/** The demo branch's past: a town branch, about 160 visits an average weekday. */
const DEMO_VISITS_PER_DAY = 160;
/**
 * The background chores' first run (the daily copy's check, journal pruning) waits this long after listen: each
 * reads the rules and the database (~0.1 s on a cold start, P5 in BENCH.md), which the first requests should not
 * wait behind. None of them is due within seconds of a start.
 */
const CHORES_FIRST_AFTER_MS = 5_000;

export type { RunningServer } from './running';

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
  opts: {
    staticDir: string | null;
    log: Logger;
    now?: () => number;
    keyProvider?: KeyProvider;
    sync?: Partial<SyncConfig>;
    /** How long close() lets requests in flight finish before it drops their connections. */
    closeGraceMs?: number;
    /** Customer notifications (an SMS gateway adapter); by default one masked JSON line each in notifications.log. */
    notificationSender?: NotificationSender;
    /** How often the notification outbox is sent (ms); 0 never (tests send with ctx.notifier.tick()). */
    notifyIntervalMs?: number;
    /** How often the hub looks whether today's database copy is due (ms); 0 never (tests start copies by hand). */
    backupCheckMs?: number;
  },
): Promise<RunningServer> {
  assertBindAllowed(cfg);
  if (cfg.role === 'headoffice') {
    return startHeadOffice(cfg, {
      log: opts.log,
      version: APP_VERSION,
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.closeGraceMs !== undefined ? { closeGraceMs: opts.closeGraceMs } : {}),
      staticDir: opts.staticDir,
    });
  }
  if (cfg.headoffice && !cfg.branchKey) throw new Error('--headoffice needs --branch-key (or BRANCH_KEY)');
  // Names and balances are in clear in the database: other users of the PC should not read the folder.
  mkdirSync(cfg.dataDir, { recursive: true, mode: 0o700 });
  const keys = opts.keyProvider ?? fileKeyProvider(cfg.keyFile ?? `${cfg.dataDir}.keys/pii.key`);
  const devId = deviceId(cfg.dataDir);
  const enrollment = cfg.role === 'terminal' ? await enrollTerminal(cfg, devId, opts.log) : null;
  const loaded = keys.load();
  // A terminal tags look-ups with the terminal key it got at enrollment (never the hub's own key), so its copy finds
  // customers by ID, phone or card offline without holding anything that brute-forces them (Pii.tag).
  const pii = enrollment
    ? new Pii({ ...loaded, hmac: Buffer.from(enrollment.lookupKey, 'base64') }, 'tag')
    : new Pii(loaded);
  // A restore asked for in 数据备份 happens now, before the database is opened (the desktop app has no restore command).
  const restored = cfg.role === 'hub' ? restorePending(cfg.dataDir) : null;
  const store = await openStore(join(cfg.dataDir, 'branch.db'), { serving: true });
  // `npm run restore` refuses to replace the database while this server has it open.
  const removePid = writePidFile(cfg.dataDir);
  const ctx = new AppContext(store, pii, opts.log, {
    version: APP_VERSION,
    schemaVersion: appliedMigrations(store.sqlite).at(-1) ?? '',
    role: cfg.role,
    deviceId: devId,
    staticDir: opts.staticDir,
    mode: cfg.demo ? 'demo' : 'production',
    lan: !isLoopbackHost(cfg.host),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sync ? { sync: opts.sync } : {}),
    ...(cfg.backupDir ? { backupDir: cfg.backupDir } : {}),
    notificationSender:
      opts.notificationSender ??
      new LogSender((line) =>
        appendFileSync(join(cfg.dataDir, 'notifications.log'), `${line}\n`, { mode: 0o600 }),
      ),
  });
  if (cfg.role === 'hub') ctx.sync.lookupKey = pii.terminalKey();
  if (restored) ctx.backups.restoredAtStart(restored);

  // A terminal's data comes from the hub's snapshot, never from the demo seed.
  if (cfg.demo && cfg.role !== 'terminal' && ctx.staff.count() === 0) {
    const started = Date.now();
    const { seedDemoBranch } = await import('./demo-branch');
    const seeded = await seedDemoBranch(store, pii, {
      customers: cfg.demoCustomers,
      historyDays: cfg.demoHistoryDays ?? 0,
      visitsPerDay: DEMO_VISITS_PER_DAY,
      seed: DEMO_SEED,
      deviceId: devId,
      now: ctx.now(),
    });
    opts.log.info({ ...seeded, ms: Date.now() - started }, 'seeded the demo branch');
  }
  if (ctx.staff.count() === 0) opts.log.warn('no staff accounts yet: open the app to create the first admin');
  opts.log.info({ mode: ctx.opts.mode, lan: ctx.opts.lan, keys: keys.protection }, 'branch server starting');

  const app = await buildApp(ctx);
  await app.listen({ port: cfg.port, host: cfg.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const host = cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host;
  const headOffice =
    cfg.role === 'hub' && cfg.headoffice && cfg.branchKey
      ? new HeadOfficeSync(ctx.headOfficeSyncDeps(), { url: cfg.headoffice, key: cfg.branchKey })
      : undefined;
  ctx.syncApp.headOfficeConfigured = headOffice !== undefined;
  headOffice?.start();
  const replicator = enrollment
    ? startReplicator(
        {
          sync: ctx.sync,
          store,
          now: ctx.now,
          log: opts.log,
          rules: () => ctx.rules(),
          rulesChanged: () => ctx.invalidateRules(),
        },
        enrollment,
      )
    : undefined;
  // Only the hub sends: a terminal's bookings and tickets reach the hub through replication.
  const notifyEvery = opts.notifyIntervalMs ?? 30_000;
  const notifier = cfg.role === 'hub' && notifyEvery > 0 ? ctx.notifier.start(notifyEvery) : undefined;
  const backupEvery = cfg.backupSchedule === false ? 0 : (opts.backupCheckMs ?? 60_000);
  if (backupEvery > 0) ctx.backups.schedule(backupEvery, CHORES_FIRST_AFTER_MS);
  const prune = new Upkeep({
    store,
    journal: ctx.sync.journal,
    hub: cfg.role === 'hub',
    now: ctx.now,
    keepDays: () => ctx.sync.cfg.journalKeepDays,
    log: opts.log,
  });
  prune.schedule(60 * 60_000, CHORES_FIRST_AFTER_MS); // hourly: pruning takes milliseconds per batch
  let closed = false;
  return {
    app,
    ctx,
    store,
    url: `http://${host}:${port}`,
    ...(headOffice ? { headOffice } : {}),
    close: async () => {
      if (closed) return;
      closed = true;
      await headOffice?.stop();
      await replicator?.stop();
      await notifier?.stop();
      await prune.stop();
      await closeApp(app, opts.closeGraceMs);
      store.close();
      removePid();
    },
  };
}
