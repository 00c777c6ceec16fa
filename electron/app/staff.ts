import { ApiError, notFound, refusal } from '@shared/api/errors';
import { PRIVILEGED_ROLES, type PasswordReset, type SetupDone, type StaffView } from '@shared/api/security';
import type { Role } from '@shared/api/types';
import { checkLastAdmin, checkOwnAccount } from '@shared/staff/rules';
import { toStaffView, type StaffRecord } from '../db/convert/staff';
import { newId } from '../db/ids';
import type { AuditRepo } from '../db/repos/settings';
import type { SessionRepo, StaffRepo } from '../db/repos/staff';
import type { Lockout } from './lockout';
import { hashPassword, verifyNobody } from './password';
import type { SessionCaller } from './session';

export interface StaffDeps {
  staff: Pick<
    StaffRepo,
    | 'member'
    | 'memberByUsername'
    | 'members'
    | 'insert'
    | 'update'
    | 'setPassword'
    | 'activeCountWithRole'
    | 'count'
  >;
  sessions: Pick<SessionRepo, 'deleteForStaff'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  lockout: Lockout;
  counterExists: (id: string) => boolean;
  /** First run: the branch row and its default settings, written in the setup's transaction. */
  ensureBranch: (now: number) => void;
  /** The rules may have changed (the first run's default settings). */
  rulesChanged: () => void;
}

export interface StaffCreate {
  username: string;
  displayName: string;
  role: Role;
  counterId?: string | null | undefined;
  password: string;
}

export interface StaffPatch {
  displayName?: string | undefined;
  role?: Role | undefined;
  counterId?: string | null | undefined;
  active?: boolean | undefined;
}

const adminOnly = () =>
  new ApiError(
    403,
    'admin_only',
    '只有系统管理员可以设置或修改网点负责人和管理员账号',
    'Only an admin may create or change manager and admin accounts',
  );
const alreadySetUp = () =>
  new ApiError(409, 'already_set_up', '系统已完成初始设置', 'This branch server is already set up');
const usernameTaken = (u: string) =>
  new ApiError(409, 'username_taken', `用户名已存在：${u}`, `Username taken: ${u}`);

/** A branch manager runs the front line; accounts that can change settings and staff are the admin's. */
function mayManage(me: SessionCaller, targetRoles: readonly (Role | undefined)[]): void {
  if (me.role === 'admin') return;
  if (targetRoles.some((r) => r !== undefined && PRIVILEGED_ROLES.includes(r))) throw adminOnly();
}

/** Staff accounts: the first run's admin, creating and changing accounts, password resets. */
export class StaffApp {
  constructor(private readonly deps: StaffDeps) {}

  /** Once any account exists, the first-run setup is closed. */
  refuseIfSetUp(): void {
    if (this.deps.staff.count() > 0) throw alreadySetUp();
  }

  async setup(input: { username: string; displayName: string; password: string }): Promise<SetupDone> {
    const { deps } = this;
    const hash = await hashPassword(input.password);
    const now = deps.now();
    const id = newId();
    deps.tx(() => {
      // Checked again inside the transaction: two first-run forms submitted at once make one admin.
      this.refuseIfSetUp();
      deps.ensureBranch(now);
      deps.staff.insert({
        id,
        username: input.username,
        display_name: input.displayName,
        role: 'admin',
        password_hash: hash,
        counter_id: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      });
      deps.audit.append({
        at: now,
        staffId: id,
        action: 'setup.admin',
        targetType: 'staff',
        targetId: id,
        detail: { username: input.username },
      });
    });
    deps.rulesChanged();
    return {
      ok: true,
      me: { id, username: input.username, displayName: input.displayName, role: 'admin', counterId: null },
    };
  }

  list(): StaffView[] {
    const now = this.deps.now();
    return this.deps.staff.members().map((s) => toStaffView(s, now));
  }

  async create(caller: SessionCaller, input: StaffCreate): Promise<StaffView> {
    const { deps } = this;
    mayManage(caller, [input.role]);
    this.counterMustExist(input.counterId);
    if (deps.staff.memberByUsername(input.username)) throw usernameTaken(input.username);
    const hash = await hashPassword(input.password);
    const now = deps.now();
    const id = newId();
    deps.tx(() => {
      if (deps.staff.memberByUsername(input.username)) throw usernameTaken(input.username);
      deps.staff.insert({
        id,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: hash,
        counter_id: input.counterId ?? null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      });
      deps.audit.append({
        at: now,
        staffId: caller.id,
        action: 'staff.create',
        targetType: 'staff',
        targetId: id,
        detail: { username: input.username, role: input.role, counterId: input.counterId ?? null },
      });
    });
    return toStaffView(this.account(id), now);
  }

  update(caller: SessionCaller, id: string, body: StaffPatch): StaffView {
    const { deps } = this;
    const target = this.account(id);
    mayManage(caller, [target.role, body.role]);
    this.counterMustExist(body.counterId);
    const roleChanges = body.role !== undefined && body.role !== target.role;
    const activeChanges = body.active !== undefined && body.active !== target.active;
    const own = checkOwnAccount(caller.id, target, body);
    if (!own.ok) throw refusal(409, own);
    const admins = checkLastAdmin(target, body, () => deps.staff.activeCountWithRole('admin'));
    if (!admins.ok) throw refusal(409, admins);
    const now = deps.now();
    deps.tx(() => {
      deps.staff.update(
        target.id,
        {
          ...(body.displayName === undefined ? {} : { display_name: body.displayName }),
          ...(body.role === undefined ? {} : { role: body.role }),
          ...(body.counterId === undefined ? {} : { counter_id: body.counterId }),
          ...(body.active === undefined ? {} : { active: body.active ? 1 : 0 }),
        },
        now,
      );
      const base = { at: now, staffId: caller.id, targetType: 'staff', targetId: target.id } as const;
      if (roleChanges) {
        deps.audit.append({
          ...base,
          action: 'staff.role_change',
          detail: { username: target.username, from: target.role, to: body.role },
        });
      }
      if (activeChanges) {
        // A disabled account is out at once, on every PC.
        const ended = body.active ? 0 : deps.sessions.deleteForStaff(target.id);
        deps.audit.append({
          ...base,
          action: body.active ? 'staff.enable' : 'staff.disable',
          detail: { username: target.username, sessionsEnded: ended },
        });
      }
      if (body.displayName !== undefined || body.counterId !== undefined) {
        deps.audit.append({
          ...base,
          action: 'staff.update',
          detail: {
            username: target.username,
            ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
            ...(body.counterId === undefined ? {} : { counterId: body.counterId }),
          },
        });
      }
    });
    return toStaffView(this.account(target.id), now);
  }

  async resetPassword(caller: SessionCaller, id: string, password: string): Promise<PasswordReset> {
    const { deps } = this;
    const target = this.account(id);
    mayManage(caller, [target.role]);
    const hash = await hashPassword(password);
    const now = deps.now();
    const ended = deps.tx(() => {
      deps.staff.setPassword(target.id, hash, now);
      const n = deps.sessions.deleteForStaff(target.id, target.id === caller.id ? caller.sessionId : null);
      deps.audit.append({
        at: now,
        staffId: caller.id,
        action: 'staff.password_reset',
        targetType: 'staff',
        targetId: target.id,
        detail: { username: target.username, sessionsEnded: n },
      });
      return n;
    });
    return { ok: true, sessionsEnded: ended };
  }

  /**
   * A staff password taken outside login (terminal enrollment): the active account with this user name, if the
   * password is right; wrong guesses count toward the same lockout as login. An unknown name costs the same hash
   * work, so the timing does not tell which names exist.
   */
  async verify(username: string, password: string, failAction: string): Promise<StaffRecord | null> {
    const staff = this.deps.staff.memberByUsername(username);
    if (!staff || !staff.active) return verifyNobody(password).then(() => null);
    return (await this.deps.lockout.check(staff, password, failAction)) ? staff : null;
  }

  private account(id: string): StaffRecord {
    const s = this.deps.staff.member(id);
    if (!s) throw notFound({ zh: '该员工', en: 'Staff member' });
    return s;
  }

  private counterMustExist(counterId: string | null | undefined): void {
    if (counterId && !this.deps.counterExists(counterId)) {
      throw new ApiError(400, 'unknown_counter', '窗口不存在', 'No such counter');
    }
  }
}
