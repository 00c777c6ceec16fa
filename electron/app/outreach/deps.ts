import type { RulesConfig } from '@shared/config/schema';
import type { Me } from '@shared/api/types';
import type { TicketView } from '@shared/api/queue';
import { ApiError } from '@shared/api/errors';
import type { OutreachRepo } from '../../db/repos/outreach';
import type { CustomerRepo } from '../../db/repos/customers';
import type { StaffRepo } from '../../db/repos/staff';
import type { AuditRepo } from '../../db/repos/settings';
import type { ConsentReader } from './consent';
import type { OwnerAlerts } from './alerts';
import type { SyncEventKind } from '@shared/sync/envelope';

export type Caller = Pick<Me, 'id' | 'role'>;

export const customerNotFound = () =>
  new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
export { OWNER_ROLES } from '@shared/outreach/owner-roles';
export const MANAGERS = new Set(['manager', 'admin']);

export interface OutreachDeps {
  repo: OutreachRepo;
  customers: Pick<CustomerRepo, 'get'>;
  staff: Pick<StaffRepo, 'byId' | 'list'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  rules: () => RulesConfig;
  /** Consent, read through one function (see consent.ts). */
  consent: ConsentReader;
  alerts: OwnerAlerts;
  /** Replication (electron/sync): contacts and owner assignments go to the other devices, in the write's transaction. */
  outbox: {
    record(kind: SyncEventKind, entityId: string, payload: Record<string, unknown>, id?: string): unknown;
  };
  /** The queue, for 我来接待: a ticket's customer and status, and calling it to a counter. */
  tickets: {
    get(id: string): { customerId: string | null; status: string } | undefined;
    call(id: string, counterId: string, caller: Pick<Me, 'id' | 'role' | 'counterId'>): TicketView;
  };
}

/** An active member of staff (of these roles, when given), or 400. */
export function staffRef(
  staff: Pick<StaffRepo, 'byId'>,
  id: string,
  roles: ReadonlySet<string> | null,
): { id: string; name: string } {
  const s = staff.byId(id);
  if (!s || !s.active || (roles && !roles.has(s.role)))
    throw new ApiError(
      400,
      'bad_assignee',
      '所选员工不存在、已停用或不是客户经理',
      'That staff member does not exist, is inactive or is not a relationship manager',
    );
  return { id: s.id, name: s.display_name };
}
