import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HubClient, HubError } from './hub-client';

/** What a terminal keeps from its enrollment: beside the PII key file (0600), never in the database. */
const enrollmentFile = z.object({
  hub: z.string().url(),
  deviceId: z.string(),
  token: z.string().min(20),
  lookupKey: z.string().min(40),
  /** Absent in a file from before the tags (it held the hub's own key): the terminal enrolls again. */
  lookupScheme: z.literal('tag1'),
  branchCode: z.string(),
});
export type Enrollment = z.infer<typeof enrollmentFile>;

export interface EnrollOptions {
  hub: string;
  deviceId: string;
  file: string;
  user?: string | undefined;
  password?: string | undefined;
  name?: string | undefined;
  /** Enroll again although this PC holds an enrollment for the hub (it no longer knows this terminal). */
  again?: boolean;
  /** Keep asking a hub that does not answer yet for this long (it may be starting too). */
  waitMs: number;
  log: Logger;
}

export function readEnrollment(file: string): Enrollment | null {
  if (!existsSync(file)) return null;
  const r = enrollmentFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return r.success ? r.data : null;
}

/**
 * A terminal needs a device token and the branch's lookup key before it opens its copy of the data. The first
 * start enrolls with a manager's or admin's credentials (`--enroll-user` / `--enroll-password`, or HUB_USER /
 * HUB_PASSWORD); later starts read the file and need neither the credentials nor the hub.
 */
export async function ensureEnrolled(o: EnrollOptions): Promise<Enrollment> {
  const known = readEnrollment(o.file);
  if (known && known.hub === o.hub && known.deviceId === o.deviceId && !o.again) return known;
  if (!o.user || !o.password) {
    // Read by people: the desktop app shows it on its setup page, the command line prints it.
    throw new Error(
      `本终端尚未在主机 ${o.hub} 登记：请输入网点经理或管理员的账号和密码 · ` +
        `This terminal is not enrolled at ${o.hub}: give a branch manager's or admin's username and password ` +
        '(--enroll-user / --enroll-password, or HUB_USER / HUB_PASSWORD)',
    );
  }
  const client = new HubClient(o.hub, null, 10_000);
  const deadline = Date.now() + o.waitMs;
  for (;;) {
    try {
      const r = await client.enroll({
        username: o.user,
        password: o.password,
        deviceId: o.deviceId,
        ...(o.name ? { name: o.name } : {}),
      });
      if (r.lookupScheme !== 'tag1')
        throw new Error(`the hub at ${o.hub} is too old: it hands out its own lookup key; upgrade it first`);
      const e: Enrollment = {
        hub: o.hub,
        deviceId: o.deviceId,
        token: r.token,
        lookupKey: r.lookupKey,
        lookupScheme: r.lookupScheme,
        branchCode: r.branchCode,
      };
      mkdirSync(dirname(o.file), { recursive: true, mode: 0o700 });
      writeFileSync(o.file, JSON.stringify(e), { mode: 0o600 });
      o.log.info({ hub: o.hub, branch: r.branchCode }, 'terminal enrolled at the hub');
      return e;
    } catch (err) {
      // A wrong password is final; an unreachable hub is worth waiting for, for a while.
      if (!(err instanceof HubError) || err.status !== null) throw err;
      if (Date.now() > deadline)
        throw new Error(
          `连不上主机 ${o.hub}（${Math.round(o.waitMs / 1000)} 秒内无应答），请检查地址和网络 · ` +
            `Cannot reach the hub at ${o.hub} (no answer within ${Math.round(o.waitMs / 1000)} s); check the address and the network`,
          { cause: err },
        );
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
