import type { FinishedVisit } from '@shared/feedback/rules';
import type { Store } from '../connection';
import type { FeedbackPadTable, FeedbackRatingTable } from '../schema-feedback';

/** A finished visit as stored: its branch day and customer too. */
export type StoredVisit = FinishedVisit & { branchDay: string; customerId: string | null };

/** A finished visit with what the figures need: its day, services, who finished it and its answer. */
export interface FigureRow {
  ticket_id: string;
  branch_day: string;
  services: string;
  staff_id: string | null;
  staff_name: string | null;
  answer: string | null;
}

/** An escalated rating with what the lobby needs to find the customer. */
export interface AlertRow {
  id: string;
  at: number;
  ticket_id: string;
  display_no: string;
  counter_name: string | null;
  staff_name: string | null;
  answer: string;
  escalation: string;
  complaint_id: string | null;
  follow_up_id: string | null;
}

/** Who finished a ticket: the staff member of its accepted finish event. */
const FINISHER = `(SELECT e.staff_id FROM ticket_events e
  WHERE e.ticket_id = t.id AND e.type = 'finish' AND e.accepted = 1 ORDER BY e.seq DESC LIMIT 1)`;

/** Satisfaction pads (评价器) and their ratings (migration 0014-feedback). */
export class FeedbackRepo {
  constructor(private readonly store: Store) {}

  // ── pads ──
  activePads(): FeedbackPadTable[] {
    return this.store.all(
      this.store.k
        .selectFrom('feedback_pads')
        .selectAll()
        .where('revoked_at', 'is', null)
        .orderBy('created_at'),
    );
  }

  padByHash(hash: string): FeedbackPadTable | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('feedback_pads')
        .selectAll()
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null),
    );
  }

  insertPad(row: FeedbackPadTable): void {
    this.store.run(this.store.k.insertInto('feedback_pads').values(row));
  }

  revokePad(id: string, now: number): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('feedback_pads')
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('revoked_at', 'is', null),
      ).changes > 0
    );
  }

  touchPad(id: string, now: number): void {
    this.store.run(this.store.k.updateTable('feedback_pads').set({ last_seen_at: now }).where('id', '=', id));
  }

  // ── visits and ratings ──
  /** The counter's last finished visit (its finisher is the teller rated). */
  lastFinished(counterId: string): StoredVisit | null {
    const r = this.store.sqlite
      .prepare(
        `SELECT t.id, t.display_no, t.counter_id, t.customer_id, t.services, t.finished_at, t.branch_day,
           ${FINISHER} AS staff_id
         FROM tickets t WHERE t.counter_id = ? AND t.status = 'done' AND t.finished_at IS NOT NULL
         ORDER BY t.finished_at DESC LIMIT 1`,
      )
      .get(counterId) as
      | {
          id: string;
          display_no: string;
          counter_id: string;
          customer_id: string | null;
          services: string;
          finished_at: number;
          branch_day: string;
          staff_id: string | null;
        }
      | undefined;
    if (!r) return null;
    return {
      ticketId: r.id,
      displayNo: r.display_no,
      counterId: r.counter_id,
      staffId: r.staff_id,
      services: JSON.parse(r.services) as string[],
      finishedAt: r.finished_at,
      branchDay: r.branch_day,
      customerId: r.customer_id,
    };
  }

  /** A finished ticket by id, for the web survey (any counter). */
  finishedTicket(ticketId: string): StoredVisit | null {
    const r = this.store.sqlite
      .prepare(
        `SELECT t.id, t.display_no, t.counter_id, t.customer_id, t.services, t.finished_at, t.branch_day, t.status,
           ${FINISHER} AS staff_id FROM tickets t WHERE t.id = ?`,
      )
      .get(ticketId) as
      | {
          id: string;
          display_no: string;
          counter_id: string | null;
          customer_id: string | null;
          services: string;
          finished_at: number | null;
          branch_day: string;
          status: string;
          staff_id: string | null;
        }
      | undefined;
    if (!r || r.finished_at === null || r.status !== 'done') return null;
    return {
      ticketId: r.id,
      displayNo: r.display_no,
      counterId: r.counter_id ?? '',
      staffId: r.staff_id,
      services: JSON.parse(r.services) as string[],
      finishedAt: r.finished_at,
      branchDay: r.branch_day,
      customerId: r.customer_id,
    };
  }

  issuedAt(ticketId: string): number | null {
    const r = this.store.first(
      this.store.k.selectFrom('tickets').select('arrived_at').where('id', '=', ticketId),
    );
    return r?.arrived_at ?? null;
  }

  displayNo(ticketId: string): string | null {
    const r = this.store.first(
      this.store.k.selectFrom('tickets').select('display_no').where('id', '=', ticketId),
    );
    return r?.display_no ?? null;
  }

  hasRating(ticketId: string): boolean {
    return !!this.store.first(
      this.store.k.selectFrom('feedback_ratings').select('id').where('ticket_id', '=', ticketId),
    );
  }

  rating(id: string): FeedbackRatingTable | undefined {
    return this.store.first(this.store.k.selectFrom('feedback_ratings').selectAll().where('id', '=', id));
  }

  /** One answer per visit: a second insert for the same ticket (or id) changes nothing and returns false. */
  insertRating(row: FeedbackRatingTable): boolean {
    return (
      this.store.run(
        this.store.k
          .insertInto('feedback_ratings')
          .values(row)
          .onConflict((oc) => oc.doNothing()),
      ).changes === 1
    );
  }

  setEscalation(
    id: string,
    e: { escalation: string; complaintId: string | null; followUpId: string | null },
  ): void {
    this.store.run(
      this.store.k
        .updateTable('feedback_ratings')
        .set({ escalation: e.escalation, complaint_id: e.complaintId, follow_up_id: e.followUpId })
        .where('id', '=', id),
    );
  }

  /** This teller's answers at this level on this branch day. */
  countSameDay(staffId: string, branchDay: string, answer: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('feedback_ratings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('staff_id', '=', staffId)
        .where('branch_day', '=', branchDay)
        .where('answer', '=', answer),
    );
    return Number(r?.n ?? 0);
  }

  /** The first active staff member of a role (who an escalation is for). */
  firstOfRole(role: string): string | null {
    const r = this.store.first(
      this.store.k
        .selectFrom('staff')
        .select('id')
        .where('role', '=', role)
        .where('active', '=', 1)
        .orderBy('created_at')
        .orderBy('id'),
    );
    return r?.id ?? null;
  }

  /** Who works at a counter now (服务监督): the active teller or RM assigned to it. */
  tellerAt(counterId: string): { display_name: string; username: string } | null {
    return (
      this.store.first(
        this.store.k
          .selectFrom('staff')
          .select(['display_name', 'username'])
          .where('counter_id', '=', counterId)
          .where('active', '=', 1)
          .where('role', 'in', ['teller', 'rm'])
          .orderBy('username'),
      ) ?? null
    );
  }

  staffName(id: string): { display_name: string; username: string } | null {
    return (
      this.store.first(
        this.store.k.selectFrom('staff').select(['display_name', 'username']).where('id', '=', id),
      ) ?? null
    );
  }

  alerts(since: number): AlertRow[] {
    return this.store.sqlite
      .prepare(
        `SELECT r.id, r.at, r.ticket_id, t.display_no, c.name AS counter_name, s.display_name AS staff_name,
           r.answer, r.escalation, r.complaint_id, r.follow_up_id
         FROM feedback_ratings r JOIN tickets t ON t.id = r.ticket_id
         LEFT JOIN counters c ON c.id = r.counter_id LEFT JOIN staff s ON s.id = r.staff_id
         WHERE r.escalation IS NOT NULL AND r.at >= ? ORDER BY r.at DESC LIMIT 50`,
      )
      .all(since) as AlertRow[];
  }

  /** Visits finished in [from, to) with their answer (null: none stored). */
  figureRows(from: number, to: number): FigureRow[] {
    return this.store.sqlite
      .prepare(
        `SELECT t.id AS ticket_id, t.branch_day, t.services, v.staff_id, s.display_name AS staff_name, v.answer
         FROM (SELECT t.id, coalesce(r.staff_id, ${FINISHER}) AS staff_id, r.answer
               FROM tickets t LEFT JOIN feedback_ratings r ON r.ticket_id = t.id
               WHERE t.status = 'done' AND t.finished_at >= ? AND t.finished_at < ?) v
         JOIN tickets t ON t.id = v.id LEFT JOIN staff s ON s.id = v.staff_id
         ORDER BY t.finished_at`,
      )
      .all(from, to) as FigureRow[];
  }
}
