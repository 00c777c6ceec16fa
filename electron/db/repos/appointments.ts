import { sql } from 'kysely';
import type { Store } from '../connection';
import {
  appointmentFromRow,
  notificationFromRow,
  type Appointment,
  type Notification,
  type NotificationKind,
} from '../convert/appointments';
import type { ApiKeyTable, AppointmentTable, NotificationTable } from '../schema';

/** Statuses that hold a place in a slot. */
const ACTIVE = ['booked', 'checked_in'];

/** Bookings (预约), the branch API keys and the notification outbox. */
export class AppointmentRepo {
  constructor(private readonly store: Store) {}

  insert(row: AppointmentTable): void {
    this.store.run(this.store.k.insertInto('appointments').values(row));
  }

  get(id: string): Appointment | undefined {
    const r = this.store.first(this.store.k.selectFrom('appointments').selectAll().where('id', '=', id));
    return r ? appointmentFromRow(r) : undefined;
  }

  byCode(code: string): Appointment | undefined {
    const r = this.store.first(this.store.k.selectFrom('appointments').selectAll().where('code', '=', code));
    return r ? appointmentFromRow(r) : undefined;
  }

  byTicket(ticketId: string): Appointment | undefined {
    const r = this.store.first(
      this.store.k.selectFrom('appointments').selectAll().where('ticket_id', '=', ticketId),
    );
    return r ? appointmentFromRow(r) : undefined;
  }

  codeTaken(code: string): boolean {
    return !!this.store.first(this.store.k.selectFrom('appointments').select('id').where('code', '=', code));
  }

  byExternal(apiKeyId: string, externalId: string): Appointment | undefined {
    const r = this.store.first(
      this.store.k
        .selectFrom('appointments')
        .selectAll()
        .where('api_key_id', '=', apiKeyId)
        .where('external_id', '=', externalId),
    );
    return r ? appointmentFromRow(r) : undefined;
  }

  /** Active bookings of a service per slot start on a day. */
  slotCounts(day: string, service: string): Map<number, number> {
    const rows = this.store.all(
      this.store.k
        .selectFrom('appointments')
        .select(['slot_at', sql<number>`count(*)`.as('n')])
        .where('slot_day', '=', day)
        .where('service', '=', service)
        .where('status', 'in', ACTIVE)
        .groupBy('slot_at'),
    );
    return new Map(rows.map((r) => [r.slot_at, r.n]));
  }

  customerDayCount(customerId: string, day: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('appointments')
        .select(sql<number>`count(*)`.as('n'))
        .where('customer_id', '=', customerId)
        .where('slot_day', '=', day)
        .where('status', 'in', ACTIVE),
    );
    return r?.n ?? 0;
  }

  /** A day's bookings in slot order (then id: a total order the same on every store). */
  day(day: string): Appointment[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('appointments')
          .selectAll()
          .where('slot_day', '=', day)
          .orderBy('slot_at')
          .orderBy('id'),
      )
      .map(appointmentFromRow);
  }

  forCustomer(customerId: string, day: string): Appointment[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('appointments')
          .selectAll()
          .where('customer_id', '=', customerId)
          .where('slot_day', '=', day)
          .orderBy('slot_at')
          .orderBy('id'),
      )
      .map(appointmentFromRow);
  }

  /** Still booked, with the slot started before `before` (no-show candidates). */
  bookedBefore(before: number): Appointment[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('appointments')
          .selectAll()
          .where('status', '=', 'booked')
          .where('slot_at', '<', before)
          .orderBy('slot_at')
          .orderBy('id'),
      )
      .map(appointmentFromRow);
  }

  // ── Replication (electron/sync/appointments.ts) ─────────────────────────────────────────
  /** The row as stored: what a booking's `appointment` envelope carries. */
  row(id: string): AppointmentTable | undefined {
    return this.store.first(this.store.k.selectFrom('appointments').selectAll().where('id', '=', id));
  }

  /** A booking made elsewhere, added once. */
  insertReplica(row: AppointmentTable): boolean {
    return (
      this.store.run(
        this.store.k
          .insertInto('appointments')
          .values(row)
          .onConflict((oc) => oc.doNothing()),
      ).changes > 0
    );
  }

  /** The booking checked in with this ticket (a ticket issued for it here or elsewhere). */
  setCheckIn(id: string, ticketId: string, status: 'checked_in' | 'walk_in', at: number, now: number): void {
    this.store.run(
      this.store.k
        .updateTable('appointments')
        .set({ status, ticket_id: ticketId, checked_in_at: at, updated_at: now })
        .where('id', '=', id),
    );
  }

  /** Changes the status if it is still `from`; false when another writer got there first. */
  setStatus(
    id: string,
    from: readonly string[],
    patch: Partial<
      Pick<AppointmentTable, 'status' | 'ticket_id' | 'checked_in_at' | 'cancelled_at' | 'cancel_reason'>
    >,
    now: number,
  ): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('appointments')
          .set({ ...patch, updated_at: now })
          .where('id', '=', id)
          .where('status', 'in', [...from]),
      ).changes > 0
    );
  }

  // ── API keys ────────────────────────────────────────────────────────────────────────────
  insertKey(row: ApiKeyTable): void {
    this.store.run(this.store.k.insertInto('api_keys').values(row));
  }

  keyByHash(hash: string): ApiKeyTable | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('api_keys')
        .selectAll()
        .where('key_hash', '=', hash)
        .where('revoked_at', 'is', null),
    );
  }

  keys(): ApiKeyTable[] {
    return this.store.all(this.store.k.selectFrom('api_keys').selectAll().orderBy('created_at'));
  }

  touchKey(id: string, now: number): void {
    this.store.run(this.store.k.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id));
  }

  // ── notification outbox ─────────────────────────────────────────────────────────────────
  /** One per booking and kind: a second one (a retried booking, a repeated sweep) is ignored. */
  queueNotification(row: NotificationTable): boolean {
    return (
      this.store.run(
        this.store.k
          .insertInto('notifications')
          .values(row)
          .onConflict((oc) => oc.columns(['appointment_id', 'kind']).doNothing()),
      ).changes > 0
    );
  }

  dropPending(appointmentId: string, kinds: readonly NotificationKind[]): void {
    this.store.run(
      this.store.k
        .updateTable('notifications')
        .set({ status: 'dropped' })
        .where('appointment_id', '=', appointmentId)
        .where('kind', 'in', [...kinds])
        .where('status', '=', 'pending'),
    );
  }

  dueNotifications(now: number, limit: number): Notification[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('notifications')
          .selectAll()
          .where('status', '=', 'pending')
          .where('due_at', '<=', now)
          .orderBy('due_at')
          .orderBy('id')
          .limit(limit),
      )
      .map(notificationFromRow);
  }

  notifications(appointmentId?: string): Notification[] {
    let q = this.store.k.selectFrom('notifications').selectAll();
    if (appointmentId) q = q.where('appointment_id', '=', appointmentId);
    return this.store
      .all(q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200))
      .map(notificationFromRow);
  }

  markNotification(
    id: string,
    status: 'sent' | 'failed' | 'pending',
    now: number,
    error: string | null,
  ): void {
    this.store.run(
      this.store.k
        .updateTable('notifications')
        .set((eb) => ({
          status,
          attempts: eb('attempts', '+', 1),
          error,
          sent_at: status === 'sent' ? now : null,
        }))
        .where('id', '=', id),
    );
  }
}
