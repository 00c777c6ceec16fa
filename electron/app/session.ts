import { ApiError } from '@shared/api/errors';
import type { Done, LoginReply, PasswordChanged, SessionInfo } from '@shared/api/security';
import type { Me } from '@shared/api/types';
import { scrubPii } from '@shared/customer/mask';
import type { SecurityConfig } from '@shared/security/config';
import { toMe, type StaffRecord } from '../db/convert/staff';
import { newId } from '../db/ids';
import type { AuditRepo } from '../db/repos/settings';
import type { SessionRepo, StaffRepo } from '../db/repos/staff';
import { accountLocked, type Lockout } from './lockout';
import { hashPassword, verifyNobody } from './password';
import { newToken, tokenId } from './tokens';

/** The logged-in caller as authentication resolved it. */
export type SessionCaller = Me & { sessionId: string };

/**
 * The idle lock's in-memory clock (the server's Auth keeps it): a login's activity is recorded at unlock, and a
 * session that ends is forgotten.
 */
export interface SessionActivity {
  recordActivity(sessionId: string, stored: number, now: number): void;
  forgetActivity(sessionId: string): void;
}

export interface SessionDeps {
  staff: Pick<StaffRepo, 'member' | 'memberByUsername' | 'setPassword'>;
  sessions: Pick<SessionRepo, 'insert' | 'get' | 'delete' | 'deleteForStaff'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  security: () => Pick<SecurityConfig, 'sessionHours' | 'idleLockMinutes'>;
  lockout: Lockout;
  activity: SessionActivity;
  /** Someone signed in or out: the counters they are assigned to start or stop counting for the waits. */
  presenceChanged?: (at: number) => void;
}

const badCredentials = () =>
  new ApiError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password');
const unauthenticated = () => new ApiError(401, 'unauthenticated', '请先登录', 'Please log in first');

/** Logging in and out, unlocking an idle-locked desk, and changing one's own password. */
export class SessionApp {
  constructor(private readonly deps: SessionDeps) {}

  /** The new session's token (also for the cookie) and how long the cookie lives. */
  async login(
    username: string,
    password: string,
    deviceId: string,
  ): Promise<{ reply: LoginReply; maxAgeSec: number }> {
    const { deps } = this;
    const now = deps.now();
    const staff = deps.staff.memberByUsername(username);
    if (!staff || !staff.active) {
      await verifyNobody(password);
      // Someone may type an ID or phone number into the user name: the audit row keeps it masked.
      deps.audit.append({
        at: now,
        staffId: null,
        action: 'login.failed',
        detail: { username: scrubPii(username).slice(0, 64) },
      });
      throw badCredentials();
    }
    const r = await deps.lockout.attempt(staff, password, 'login.failed', 'login.refused_locked');
    if (!r.ok) {
      if (r.until) throw accountLocked(r.until);
      throw badCredentials();
    }
    const at = deps.now();
    const token = newToken();
    const hours = deps.security().sessionHours;
    deps.tx(() => {
      deps.sessions.insert({
        id: tokenId(token),
        staff_id: staff.id,
        device_id: deviceId,
        created_at: at,
        last_seen_at: at,
        expires_at: at + hours * 3_600_000,
      });
      deps.audit.append({ at, staffId: staff.id, action: 'login', detail: { sessionRef: newId() } });
    });
    deps.presenceChanged?.(at);
    return {
      reply: { token, me: toMe(staff), idleLockMinutes: deps.security().idleLockMinutes },
      maxAgeSec: hours * 3600,
    };
  }

  info(caller: SessionCaller): SessionInfo {
    const { sessionId: _s, ...me } = caller;
    return { me, idleLockMinutes: this.deps.security().idleLockMinutes };
  }

  logout(caller: SessionCaller): Done {
    const at = this.deps.now();
    this.deps.tx(() => {
      this.deps.sessions.delete(caller.sessionId);
      this.deps.audit.append({ at, staffId: caller.id, action: 'logout' });
    });
    this.deps.activity.forgetActivity(caller.sessionId);
    this.deps.presenceChanged?.(at);
    return { ok: true };
  }

  async unlock(caller: SessionCaller, password: string): Promise<Done> {
    const { deps } = this;
    const staff = this.account(caller);
    const r = await deps.lockout.attempt(staff, password, 'unlock.failed');
    const at = deps.now();
    if (!r.ok) {
      this.lockedOut(caller, r.until);
      throw new ApiError(401, 'bad_password', '密码错误', 'Wrong password');
    }
    const session = deps.sessions.get(caller.sessionId);
    deps.audit.append({ at, staffId: staff.id, action: 'unlock' });
    deps.activity.recordActivity(caller.sessionId, session?.last_seen_at ?? 0, at);
    return { ok: true };
  }

  async changePassword(
    caller: SessionCaller,
    oldPassword: string,
    newPassword: string,
  ): Promise<PasswordChanged> {
    const { deps } = this;
    const staff = this.account(caller);
    const r = await deps.lockout.attempt(staff, oldPassword, 'password.change_failed');
    if (!r.ok) {
      this.lockedOut(caller, r.until);
      throw new ApiError(400, 'bad_password', '原密码不正确', 'The current password is wrong');
    }
    const hash = await hashPassword(newPassword);
    const at = deps.now();
    const ended = deps.tx(() => {
      deps.staff.setPassword(staff.id, hash, at);
      const n = deps.sessions.deleteForStaff(staff.id, caller.sessionId);
      deps.audit.append({
        at,
        staffId: staff.id,
        action: 'password.change',
        targetType: 'staff',
        targetId: staff.id,
        detail: { otherSessionsEnded: n },
      });
      return n;
    });
    return { ok: true, otherSessionsEnded: ended };
  }

  private account(caller: SessionCaller): StaffRecord {
    const staff = this.deps.staff.member(caller.id);
    if (!staff) throw unauthenticated();
    return staff;
  }

  /** A wrong password at the desk that locked the account: this session ends too (the next person logs in afresh). */
  private lockedOut(caller: SessionCaller, until: number | null): void {
    if (!until) return;
    this.deps.sessions.delete(caller.sessionId);
    this.deps.activity.forgetActivity(caller.sessionId);
    throw accountLocked(until);
  }
}
