import { z } from 'zod';
import { resolve } from 'node:path';

/** Server settings from flags (`--port 8080`) or environment (PORT=8080); flags win. */
const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  keyFile: z.string().min(1).optional(),
  /** hub: where the daily database copies go (another disk is better); `backups` beside the database by default. */
  backupDir: z.string().min(1).optional(),
  /** `--no-backup-schedule`: no automatic copies (benches and test servers); 立即备份 still works. */
  backupSchedule: z.boolean().optional(),
  role: z.enum(['hub', 'terminal', 'headoffice']),
  hub: z.string().url().optional(),
  /** terminal, first start only: a hub manager's or admin's login to enroll with (electron/sync/enroll.ts). */
  enrollUser: z.string().min(1).optional(),
  enrollPassword: z.string().min(1).optional(),
  /**
   * terminal: enroll again with those credentials even though this PC holds an enrollment (`--re-enroll` /
   * HUB_REENROLL=1): the hub no longer knows it (restored from an older copy, or rebuilt).
   */
  reenroll: z.boolean().optional(),
  deviceName: z.string().min(1).max(60).optional(),
  /** headoffice role: its PostgreSQL (`--pg` / PG_URL). */
  pg: z.string().min(1).optional(),
  /** hub: the head office to push the journal to and pull the snapshot from, with this branch's key. */
  headoffice: z.string().url().optional(),
  branchKey: z.string().min(1).optional(),
  demo: z.boolean(),
  /** Binding to anything but loopback must be asked for (`--lan` / LAN=1); see assertBindAllowed. */
  lan: z.boolean().optional(),
  demoCustomers: z.coerce.number().int().min(0).max(5_000_000),
  /** Days of past visits a fresh demo branch gets (reports, staffing simulator); absent: none (test harnesses). */
  demoHistoryDays: z.coerce.number().int().min(0).max(400).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});
export type ServeConfig = z.infer<typeof schema>;

export const DEFAULT_PORT = 5780;
/** Four weeks of past visits on a fresh demo branch, unless `--demo-history-days` says otherwise. */
export const DEMO_HISTORY_DAYS = 28;

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function optionalPath(cwd: string, p: string | undefined): string | undefined {
  return p ? resolve(cwd, p) : undefined;
}

export function readServeConfig(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ServeConfig {
  const demoFlag = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : undefined;
  const lan = argv.includes('--lan') || env.LAN === '1';
  return schema.parse({
    port: flag(argv, 'port') ?? env.PORT ?? DEFAULT_PORT,
    // `--lan` alone listens on every interface; without it only this PC can connect.
    host: flag(argv, 'host') ?? env.HOST ?? (lan ? '0.0.0.0' : '127.0.0.1'),
    dataDir: resolve(cwd, flag(argv, 'data') ?? env.DATA_DIR ?? 'data'),
    keyFile: flag(argv, 'key-file') ?? env.KEY_FILE,
    backupDir: optionalPath(cwd, flag(argv, 'backup-dir') ?? env.BACKUP_DIR),
    backupSchedule: !argv.includes('--no-backup-schedule'),
    role: flag(argv, 'role') ?? env.ROLE ?? 'hub',
    hub: flag(argv, 'hub') ?? env.HUB_URL,
    enrollUser: flag(argv, 'enroll-user') ?? env.HUB_USER,
    enrollPassword: flag(argv, 'enroll-password') ?? env.HUB_PASSWORD,
    reenroll: argv.includes('--re-enroll') || env.HUB_REENROLL === '1',
    deviceName: flag(argv, 'device-name') ?? env.DEVICE_NAME,
    pg: flag(argv, 'pg') ?? env.PG_URL,
    headoffice: flag(argv, 'headoffice') ?? env.HEADOFFICE_URL,
    branchKey: flag(argv, 'branch-key') ?? env.BRANCH_KEY,
    demo: demoFlag ?? env.DEMO !== '0',
    lan,
    demoCustomers: flag(argv, 'demo-customers') ?? env.DEMO_CUSTOMERS ?? 2000,
    demoHistoryDays: flag(argv, 'demo-history-days') ?? env.DEMO_HISTORY_DAYS ?? DEMO_HISTORY_DAYS,
    logLevel: flag(argv, 'log-level') ?? env.LOG_LEVEL ?? 'info',
  });
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this PC only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export class BindRefusedError extends Error {
  constructor(readonly host: string) {
    super(
      `refusing to listen on ${host}: customer data would be reachable from the network. ` +
        'Add --lan (or LAN=1) to serve the branch LAN on purpose; lobby displays then need a display token.',
    );
  }
}

/** The server answers on the LAN only when told so twice: a non-loopback host and the LAN switch. */
export function assertBindAllowed(cfg: Pick<ServeConfig, 'host' | 'lan'>): void {
  if (!isLoopbackHost(cfg.host) && !cfg.lan) throw new BindRefusedError(cfg.host);
}
