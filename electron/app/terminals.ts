import { ApiError } from '@shared/api/errors';
import type { TerminalDeviceView } from '@shared/sync/api';
import type { AuditRepo } from '../db/repos/settings';
import type { SyncDeviceRepo } from '../db/repos/sync-devices';
import type { SyncJournalRepo } from '../db/repos/sync';
import type { SyncDeviceTable } from '../db/schema';

export interface TerminalsDeps {
  sync: {
    devices: Pick<SyncDeviceRepo, 'list' | 'get' | 'revoke'>;
    journal: Pick<SyncJournalRepo, 'countByDevice'>;
  };
  staffName: (id: string) => string | null;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  /** Only a hub enrolls terminals, so only a hub has any to list or revoke. */
  role: 'hub' | 'terminal' | 'headoffice';
}

const notHub = () =>
  new ApiError(
    409,
    'not_hub',
    '柜台终端在网点服务器上管理，本机不是网点服务器',
    'Counter terminals are managed at the branch hub; this PC is not the hub',
  );

const noSuchDevice = (id: string) =>
  new ApiError(404, 'device_not_found', `没有这台终端：${id}`, `No such terminal: ${id}`);

/**
 * 柜台终端 at the hub: the counter PCs it enrolled, and revoking one. A revoked PC's device token is refused at
 * once (SyncApp.device → 401 device_unknown): it can no longer pull the branch's copy or push events, and its banner
 * says it must be enrolled again. What the PC already holds stays on it; only a manager's login at it enrolls it
 * again.
 */
export class TerminalsApp {
  constructor(private readonly deps: TerminalsDeps) {}

  /** Enrolled first at the top; a journal scan for the event counts, so for a screen, not for polling. */
  list(): TerminalDeviceView[] {
    this.hubOnly();
    const pushed = this.deps.sync.journal.countByDevice();
    return this.deps.sync.devices.list().map((d) => this.view(d, pushed[d.device_id] ?? 0));
  }

  revoke(deviceId: string, reason: string, staffId: string | null): TerminalDeviceView {
    this.hubOnly();
    const { deps } = this;
    const row = deps.tx(() => {
      const d = deps.sync.devices.get(deviceId);
      if (!d) throw noSuchDevice(deviceId);
      const at = deps.now();
      if (!deps.sync.devices.revoke(deviceId, at))
        throw new ApiError(409, 'device_revoked', '这台终端已经停用', 'This terminal is already revoked');
      deps.audit.append({
        at,
        staffId,
        action: 'sync.device_revoked',
        targetType: 'device',
        targetId: deviceId,
        reason,
        detail: { name: d.name },
      });
      return { ...d, revoked_at: at };
    });
    return this.view(row, deps.sync.journal.countByDevice()[deviceId] ?? 0);
  }

  private view(d: SyncDeviceTable, pushed: number): TerminalDeviceView {
    return {
      deviceId: d.device_id,
      name: d.name,
      enrolledBy: d.enrolled_by ? this.deps.staffName(d.enrolled_by) : null,
      enrolledAt: d.created_at,
      lastSeenAt: d.last_seen_at,
      revokedAt: d.revoked_at,
      pushed,
    };
  }

  private hubOnly(): void {
    if (this.deps.role !== 'hub') throw notHub();
  }
}
