import { z } from 'zod';
import { passwordSchema } from '../security/config';
import { CHANNELS } from '../triage/channel';
import { BREAK_REASONS } from '../metrics/config';
import type { RulesConfig } from '../config/schema';
import type { Me, Role } from './types';

/** Step 5 API: first-run setup, session lock and password, staff, counters, settings versions, displays. */

export const STAFF_ROLES = [
  'teller',
  'lobby',
  'rm',
  'manager',
  'admin',
  'display',
] as const satisfies readonly Role[];
/** Roles only an admin may grant (or edit an account holding them). */
export const PRIVILEGED_ROLES: readonly Role[] = ['manager', 'admin'];

const username = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_.-]{1,31}$/,
    '用户名须为 2–32 位小写字母、数字、._- / 2–32 lower-case letters, digits, . _ -',
  );
const displayName = z.string().trim().min(1).max(40);
const id = z.string().min(1).max(64);

/** The reply of a call that only says it was done (log out, unlock, revoke). */
export interface Done {
  ok: true;
}

/** POST /api/session: the token also rides in the httpOnly cookie; the desk's idle lock comes with it. */
export interface LoginReply {
  token: string;
  me: Me;
  idleLockMinutes: number;
}

/** GET /api/session: who is logged in here, and after how long the desk locks itself. */
export interface SessionInfo {
  me: Me;
  idleLockMinutes: number;
}

export interface PasswordChanged extends Done {
  otherSessionsEnded: number;
}

export interface PasswordReset extends Done {
  sessionsEnded: number;
}

/** POST /api/setup: the first admin, who then logs in. */
export interface SetupDone extends Done {
  me: Me;
}

export const setupInput = z.object({ username, displayName, password: passwordSchema });
export const unlockInput = z.object({ password: z.string().min(1).max(256) });
export const passwordChangeInput = z
  .object({ oldPassword: z.string().min(1).max(256), newPassword: passwordSchema })
  .refine((p) => p.oldPassword !== p.newPassword, {
    message: '新密码不能与原密码相同 / the new password must differ from the old one',
    path: ['newPassword'],
  });

export const staffCreateInput = z.object({
  username,
  displayName,
  role: z.enum(STAFF_ROLES),
  counterId: id.nullable().optional(),
  password: passwordSchema,
});
export const staffPatchInput = z
  .object({
    displayName: displayName.optional(),
    role: z.enum(STAFF_ROLES).optional(),
    counterId: id.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: '没有要修改的内容 / nothing to change',
  });
export const passwordResetInput = z.object({ password: passwordSchema });

export interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  counterId: string | null;
  active: boolean;
  /** Epoch ms while the account is locked after failed passwords, else null. */
  lockedUntil: number | null;
}

const queueKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
export const counterCreateInput = z.object({
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(40),
  channel: z.enum(CHANNELS),
  queues: z.array(queueKey).min(1).max(20),
  corporateOnly: z.boolean().default(false),
});
/** Tellers may open/close their counter and set their state; the other fields are the manager's. */
export const counterUpdateInput = z
  .object({
    open: z.boolean().optional(),
    staffState: z.enum(['serving', 'break', 'back_office', 'closed']).optional(),
    /** With staffState `break`: the reason code (it feeds shrinkage on the dashboard). */
    breakReason: z.enum(BREAK_REASONS).optional(),
    name: z.string().trim().min(1).max(40).optional(),
    channel: z.enum(CHANNELS).optional(),
    queues: z.array(queueKey).min(1).max(20).optional(),
    corporateOnly: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: '没有要修改的内容 / nothing to change',
  });
export const COUNTER_CONFIG_FIELDS = ['name', 'channel', 'queues', 'corporateOnly'] as const;

export const settingsPutInput = z.object({
  /** Checked against rulesConfigSchema by the server, so the refusal can name each field. */
  config: z.record(z.string(), z.unknown()),
  note: z.string().trim().max(200).optional(),
  /** Takes effect at this time (epoch ms, in the future); absent: at once. */
  effectiveAt: z.number().int().positive().optional(),
});
export const settingsRollbackInput = z.object({
  version: z.number().int().min(1),
  note: z.string().trim().max(200).optional(),
});
export const settingsVersionParam = z.object({ version: z.coerce.number().int().min(0).max(1e9) });

export interface SettingsVersionInfo {
  version: number;
  createdAt: number | null;
  createdBy: string | null;
  createdByName: string | null;
  note: string | null;
  /** A scheduled version takes effect then (epoch ms); null/absent: when saved. */
  effectiveAt?: number | null;
  /** Who made it: the branch ('local') or a head-office pull ('headoffice'). */
  origin?: 'local' | 'headoffice';
  /** In the version list: what this version changed from the one before, in words (absent if unreadable). */
  changes?: { section: string; zh: string; en: string }[];
}

/** GET /api/settings (and the reply of a save or rollback): the rules in force, with who saved them. */
export interface SettingsVersion extends SettingsVersionInfo {
  config: RulesConfig;
}

/** GET /api/settings/versions/:version: as stored, not re-validated (an old version may not fit today's schema). */
export interface StoredSettingsVersion extends SettingsVersionInfo {
  config: unknown;
}

export const displayCreateInput = z.object({ name: z.string().trim().min(1).max(40) });
export const displaySessionInput = z.object({ token: z.string().min(16).max(128) });

export interface DisplayView {
  id: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
}

/** POST /api/displays: the token is shown this once (only its hash is kept). */
export interface DisplayCreated {
  id: string;
  name: string;
  token: string;
  /** Open this on the lobby TV: /display?token=… */
  path: string;
  /** The server answers on the branch LAN (started with --lan); without it only this PC can open the display. */
  lan: boolean;
  /** The display's full address on each of the hub's LAN addresses (empty without LAN mode). */
  lanUrls: string[];
}

/** POST /api/display/session: the token was traded for a cookie. */
export interface DisplaySession extends Done {
  name: string;
}
