import {
  applyEvent,
  issuePayloadSchema,
  ticketEventSchema,
  type TicketEvent,
  type TicketState,
} from '@shared/queue';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { parseEventPayload } from '@shared/sync/payloads';
import type { HlcClock } from '@shared/sync/hlc';
import { conflictNotices, lastWriterWins, mergeTicketEvents, type ConflictNotice } from '@shared/sync/merge';
import type { Store } from '../db/connection';
import { newId } from '../db/ids';
import type { CounterRepo } from '../db/repos/counters';
import type { SyncDataRepo } from '../db/repos/sync-data';
import type { SyncJournalRepo } from '../db/repos/sync';
import type { SyncDeviceRepo } from '../db/repos/sync-devices';
import type { AuditRepo } from '../db/repos/settings';
import type { TicketRepo } from '../db/repos/tickets';
import type { AppointmentReplica, DoubleCheckIn } from './appointments';

export type ApplyStatus = 'applied' | 'duplicate' | 'rejected' | 'failed';

export interface ApplyReport {
  results: { id: string; status: ApplyStatus; error?: string }[];
  /** Tickets whose state changed, for the live queue. */
  changed: TicketState[];
  /** Tickets called (or recalled) by an applied event: the lobby display announces them. */
  called: TicketState[];
  notices: (ConflictNotice & { id: string; at: number })[];
  /** Bookings checked in twice (shared/appointments/sync.ts): the hub cancels each loser. */
  doubleCheckIns: DoubleCheckIn[];
}

/** Profile fields an event may set: plain attributes, never identifiers or PII (those come from imports). */
export const PROFILE_FIELDS = [
  'marketing_consent',
  'risk_level',
  'risk_assessed_at',
  'segments',
  'relationship_type',
  'corporate_grade',
  'gender',
  'birth_month',
  'lifecycle',
] as const;

/** Staff ids an event names (who acted, who is assigned), from its parsed payload. */
function staffIdsOf(kind: SyncEnvelope['kind'], p: Record<string, unknown>): string[] {
  const row = (p.row ?? {}) as Record<string, unknown>;
  const ids =
    kind === 'ticket_event' || kind === 'profile_update'
      ? [p.staffId]
      : [
          row.staff_id,
          row.created_by,
          row.assignee_id,
          row.resolved_by,
          row.owner_id,
          row.backup_id,
          row.updated_by,
        ];
  return ids.filter((x): x is string => typeof x === 'string');
}

type RowKind =
  'suggestion_outcomes' | 'follow_ups' | 'complaints' | 'feedback_ratings' | 'contacts' | 'consent_events';

function parseDetail(d: unknown): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(String(d ?? '{}'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function rowOf(env: SyncEnvelope): Record<string, unknown> {
  const row = env.payload.row;
  if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error('payload.row missing');
  return row as Record<string, unknown>;
}

/**
 * Applies envelopes from another device, idempotently: an id this install already has is a no-op. Each event
 * runs in its own savepoint inside one transaction for the batch, so one bad event cannot undo the others; a
 * failed one is kept (with its envelope) and retried later, never dropped. On the hub every event also joins
 * the journal (outbox), whatever its result, so what the hub acknowledged is what it keeps.
 */
export class SyncApplier {
  constructor(
    private readonly store: Store,
    private readonly journal: SyncJournalRepo,
    private readonly data: SyncDataRepo,
    private readonly tickets: TicketRepo,
    private readonly counters: CounterRepo,
    private readonly devices: SyncDeviceRepo,
    private readonly audit: AuditRepo,
    private readonly clock: HlcClock,
    private readonly now: () => number,
    /** The hub keeps its terminals' audit trails; a terminal does not collect the others'. */
    private readonly keepsAudit: boolean,
    private readonly appointments: AppointmentReplica,
  ) {}

  apply(envs: readonly SyncEnvelope[], opts: { journal: boolean; retry?: boolean }): ApplyReport {
    const report: ApplyReport = { results: [], changed: [], called: [], notices: [], doubleCheckIns: [] };
    const at = this.now();
    this.store.tx(() => {
      for (const env of envs) {
        const prior = this.journal.applied(env.id);
        if (prior && !(opts.retry && prior.status === 'failed')) {
          report.results.push({ id: env.id, status: 'duplicate' });
          continue;
        }
        // Only the parsed payload is kept; an event that does not parse, or speaks for another device or a staff
        // member the hub does not know, is refused for good (acknowledged, never journaled nor retried).
        const checked = this.check(env);
        if (!checked.ok) {
          this.journal.markApplied(env, 'remote', 'rejected', checked.error, at);
          report.results.push({ id: env.id, status: 'rejected', error: checked.error });
          continue;
        }
        const ok = checked.env;
        // A clock far ahead is refused by the HLC (maxDrift); the event itself is still applied by its stamp.
        this.clock.receive(ok.hlc);
        let status: ApplyStatus;
        let error: string | null = null;
        try {
          status = this.store.sqlite.transaction(() => this.applyOne(ok, report, at))();
        } catch (e) {
          status = 'failed';
          error = e instanceof Error ? e.message : String(e);
        }
        if (opts.journal) this.journal.appendOutbox(ok, at);
        this.journal.markApplied(ok, 'remote', status === 'duplicate' ? 'applied' : status, error, at);
        report.results.push({ id: ok.id, status, ...(error ? { error } : {}) });
      }
    });
    return report;
  }

  /** The envelope with its payload parsed (shared/sync/payloads.ts), or why it is refused. */
  private check(env: SyncEnvelope): { ok: true; env: SyncEnvelope } | { ok: false; error: string } {
    const parsed = parseEventPayload(env.kind, env.payload);
    if (!parsed.ok) return parsed;
    const p = parsed.payload;
    if (env.kind === 'ticket_event' && p.deviceId !== env.deviceId)
      return { ok: false, error: 'a ticket event of another device' };
    // The hub knows every staff member of the branch; a terminal speaks only for them.
    if (this.keepsAudit) {
      const unknown = staffIdsOf(env.kind, p).find((s) => !this.data.staffExists(s));
      if (unknown) return { ok: false, error: `unknown staff ${unknown}` };
    }
    return { ok: true, env: { ...env, payload: p } };
  }

  private applyOne(env: SyncEnvelope, report: ApplyReport, at: number): ApplyStatus {
    switch (env.kind) {
      case 'ticket_event':
        return this.ticketEvent(env, report, at);
      case 'suggestion_outcome':
        return this.insertRow('suggestion_outcomes', env);
      case 'follow_up':
        return this.insertRow('follow_ups', env);
      case 'complaint':
        return this.insertRow('complaints', env);
      // One answer per visit: a second rating of the same ticket (another device's) is a duplicate, not a failure.
      case 'feedback_rating':
        return this.insertRow('feedback_ratings', env);
      // A contact appends once under its own id, whoever logged it where (two callers the same day both stay).
      case 'contact':
        return this.insertRow('contacts', env);
      // Consent events append once; what stands is worked out on reading (the latest per purpose).
      case 'consent':
        return this.insertRow('consent_events', env);
      case 'owner': {
        const r = rowOf(env);
        if (!this.data.customerExists(String(r.customer_id)))
          throw new Error(`customer ${String(r.customer_id)} not here yet`);
        return this.data.setOwnerIfLater(r) ? 'applied' : 'rejected';
      }
      case 'marks': {
        const r = rowOf(env);
        if (!this.data.customerExists(String(r.customer_id)))
          throw new Error(`customer ${String(r.customer_id)} not here yet`);
        return this.data.setMarksIfLater(r) ? 'applied' : 'rejected';
      }
      case 'follow_up_done': {
        const r = rowOf(env);
        const id = String(r.id);
        if (!this.data.row('follow_ups', id)) throw new Error(`follow-up ${id} not here yet`);
        this.data.closeFollowUp(
          id,
          String(r.status),
          (r.done_at as number | null) ?? null,
          (r.note as string | null) ?? null,
        );
        return 'applied';
      }
      case 'complaint_resolved': {
        const r = rowOf(env);
        const id = String(r.id);
        if (!this.data.row('complaints', id)) throw new Error(`complaint ${id} not here yet`);
        this.data.advanceComplaint(id, String(r.status), {
          resolution: (r.resolution as string | null) ?? null,
          resolved_at: (r.resolved_at as number | null) ?? null,
          resolved_by: (r.resolved_by as string | null) ?? null,
        });
        return 'applied';
      }
      case 'profile_update':
        return this.profileUpdate(env, at);
      // Head-office journal only (its payload schema refuses every value, so this is never reached).
      case 'prospect':
      case 'balance_snapshot':
      case 'staff':
        return 'rejected';
      case 'appointment':
        return this.appointments.applyRow(env.payload, at);
      case 'audit': {
        if (!this.keepsAudit) return 'applied';
        // Stamped here: the time is the hub's (the terminal's own is kept as `deviceAt`), the device its token's.
        const r = rowOf(env);
        this.data.insertAuditOnce({
          ...r,
          at,
          detail: JSON.stringify({ ...parseDetail(r.detail), device: env.deviceId, deviceAt: r.at }),
        });
        return 'applied';
      }
    }
  }

  /** A profile change made here: the caller has recorded `env` in the outbox in the same transaction. */
  applyLocalProfile(env: SyncEnvelope): ApplyStatus {
    return this.profileUpdate(env, this.now());
  }

  private insertRow(table: RowKind, env: SyncEnvelope): ApplyStatus {
    const row = rowOf(env);
    if ('customer_id' in row && row.customer_id && !this.data.customerExists(String(row.customer_id)))
      throw new Error(`customer ${String(row.customer_id)} not here yet`);
    if ('ticket_id' in row && row.ticket_id && !this.tickets.hasTicket(String(row.ticket_id)))
      throw new Error(`ticket ${String(row.ticket_id)} not here yet`);
    return this.data.insertOnce(table, row) ? 'applied' : 'duplicate';
  }

  private customerKnown(state: TicketState): boolean {
    return !state.customerId || this.data.customerExists(state.customerId);
  }

  /**
   * A device never prints a number twice in a day and queue, so a new ticket of the hub's with the number of another
   * of its tickets held here means the hub lost that one: it went back to a backup copy. On a terminal the lost one is
   * set aside (out of the queue, number freed) so the hub's new ticket can stand; anywhere else a clash stays an error.
   */
  private makeRoom(ev: TicketEvent, deviceId: string, report: ApplyReport): void {
    if (this.keepsAudit || ev.type !== 'issue') return;
    const p = issuePayloadSchema.safeParse(ev.payload);
    if (!p.success) return; // the machine refuses it below
    const holder = this.tickets.holderOf(p.data.branchDay, p.data.queue, p.data.number);
    if (!holder || holder.id === ev.ticketId || holder.issuedBy !== deviceId) return;
    const aside = this.tickets.setAside(holder.id);
    if (aside) report.changed.push(aside);
  }

  /** The queue state machine merges ticket events in HLC order (shared/sync/merge.ts). */
  private ticketEvent(env: SyncEnvelope, report: ApplyReport, at: number): ApplyStatus {
    const ev = ticketEventSchema.parse(env.payload);
    if (ev.ticketId !== env.entityId || ev.id !== env.id)
      throw new Error('envelope and ticket event disagree');
    if (this.tickets.hasEvent(ev.id)) return 'duplicate';
    const prior = this.tickets.get(ev.ticketId) ?? null;
    if (!prior && ev.type !== 'issue') throw new Error(`ticket ${ev.ticketId} not here yet`);
    if (!prior) this.makeRoom(ev, env.deviceId, report);
    const item = { event: ev, hlc: env.hlc };

    if (!prior || env.hlc > this.tickets.maxHlc(ev.ticketId)) {
      // In order: the usual case, one step of the machine.
      const r = applyEvent(prior, ev);
      if (r.ok) {
        this.tickets.append(ev, r.state, env.hlc, this.customerKnown(r.state));
        this.afterAccepted(r.state, [ev.type], report);
        // A ticket issued to a customer, or a walk-in identified at a counter, is the customer's visit.
        if ((ev.type === 'issue' || ev.type === 'identify') && r.state.customerId)
          this.data.touchVisit(r.state.customerId, ev.at);
        // A booking's ticket checks the booking in here too (or loses it to a ticket issued first).
        const double = ev.type === 'issue' ? this.appointments.ticketIssued(r.state, at) : null;
        if (double) report.doubleCheckIns.push(double);
        return 'applied';
      }
      if (!prior) throw new Error(`${r.code}: ${r.en}`);
      this.tickets.appendRefused(ev, env.hlc);
      this.notify(
        conflictNotices([{ item, error: r }], prior, (id) => this.counterName(id)),
        report,
        at,
      );
      return 'rejected';
    }

    // Older than what is applied: replay the ticket's whole log in HLC order.
    const existing = this.tickets.stampedEvents(ev.ticketId);
    const before = new Map(existing.map((e) => [e.event.id, e.accepted]));
    const m = mergeTicketEvents([...existing.map((e) => ({ event: e.event, hlc: e.hlc })), item]);
    if (!m.state) throw new Error(`ticket ${ev.ticketId} has no valid issue`);
    this.tickets.rewrite(
      ev.ticketId,
      m.ordered.map((o) => ({ event: o.item.event, hlc: o.item.hlc, accepted: o.accepted })),
      m.state,
      at,
      this.customerKnown(m.state),
    );
    const lost = m.ordered.filter(
      (o) => !o.accepted && (o.item.event.id === ev.id || before.get(o.item.event.id)),
    );
    this.notify(
      conflictNotices(lost, m.state, (id) => this.counterName(id)),
      report,
      at,
    );
    const accepted = m.ordered.find((o) => o.item.event.id === ev.id)?.accepted ?? false;
    this.afterAccepted(m.state, accepted ? [ev.type] : [], report);
    return accepted ? 'applied' : 'rejected';
  }

  private afterAccepted(state: TicketState, types: string[], report: ApplyReport): void {
    report.changed = report.changed.filter((t) => t.id !== state.id);
    report.changed.push(state);
    if (types.includes('call') || types.includes('recall')) report.called.push(state);
  }

  private counterName(id: string): string | null {
    return this.counters.get(id)?.name ?? null;
  }

  private notify(notices: ConflictNotice[], report: ApplyReport, at: number): void {
    for (const n of notices) {
      const id = newId();
      const fresh = this.devices.addNotice({
        id,
        at,
        counter_id: n.counterId,
        device_id: n.deviceId,
        ticket_id: n.ticketId,
        display_no: n.displayNo,
        event_id: n.eventId,
        code: n.code,
        zh: n.zh,
        en: n.en,
      });
      if (fresh) report.notices.push({ ...n, id, at });
    }
  }

  /** Last writer wins per field, by HLC; the value that lost is written to the audit log. */
  private profileUpdate(env: SyncEnvelope, at: number): ApplyStatus {
    const fields = env.payload.fields;
    if (!fields || typeof fields !== 'object') throw new Error('payload.fields missing');
    const customerId = env.entityId;
    if (!this.data.customerExists(customerId)) throw new Error(`customer ${customerId} not here yet`);
    let wrote = false;
    for (const [field, value] of Object.entries(fields as Record<string, unknown>)) {
      if (!(PROFILE_FIELDS as readonly string[]).includes(field))
        throw new Error(`field ${field} is not replicated`);
      const clock = this.data.fieldClock(customerId, field);
      const current = clock
        ? { value: this.data.customerField(customerId, field), hlc: clock.hlc, deviceId: clock.device_id }
        : null;
      const { winner, loser } = lastWriterWins(current, { value, hlc: env.hlc, deviceId: env.deviceId });
      if (winner.hlc === env.hlc && winner.deviceId === env.deviceId) {
        this.data.setCustomerField(customerId, field, value, at);
        this.data.setFieldClock(customerId, field, env.hlc, env.deviceId);
        wrote = true;
      }
      if (loser) {
        this.audit.append({
          at,
          staffId: (env.payload.staffId as string | null | undefined) ?? null,
          action: 'sync.profile_lww',
          targetType: 'customer',
          targetId: customerId,
          reason: null,
          detail: {
            field,
            kept: { hlc: winner.hlc, device: winner.deviceId },
            lost: { value: loser.value, hlc: loser.hlc, device: loser.deviceId },
          },
        });
      }
    }
    return wrote ? 'applied' : 'rejected';
  }
}
