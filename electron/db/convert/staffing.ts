import type { CorporateGrade, CustomerKind, Segment } from '@shared/customer/enums';
import { END_OF_DAY_REASON, type TicketState, type TicketStatus } from '@shared/queue';

/** A stored ticket as the staffing pattern reads it, with the facts triage needs about its customer (no PII). */
export interface StaffingTicketRecord {
  branchDay: string;
  /** The queue it was issued in. */
  queue: string;
  status: TicketStatus;
  priority: number;
  services: string[];
  arrivedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transferred: boolean;
  endOfDay: boolean;
  customer: {
    kind: CustomerKind;
    aumFen: number;
    segments: Segment[];
    birthMonth: string | null;
    corporateGrade: CorporateGrade | null;
  } | null;
}

export interface StaffingTicketRow {
  branch_day: string;
  queue: string;
  state: string;
  kind: string | null;
  aum_fen: number | null;
  segments: string | null;
  birth_month: string | null;
  corporate_grade: string | null;
}

/** A booking of the planned day as the simulator reads it: when, the triage intent, its customer's facts (no PII). */
export interface StaffingBookingRecord {
  slotAt: number;
  intent: string;
  customer: StaffingTicketRecord['customer'];
}

export type StaffingBookingRow = Omit<StaffingTicketRow, 'branch_day' | 'queue' | 'state'> & {
  slot_at: number;
  intent: string;
};

export function staffingBookingFromRow(r: StaffingBookingRow): StaffingBookingRecord {
  return { slotAt: r.slot_at, intent: r.intent, customer: customerFacts(r) };
}

function customerFacts(
  r: Pick<StaffingTicketRow, 'kind' | 'aum_fen' | 'segments' | 'birth_month' | 'corporate_grade'>,
): StaffingTicketRecord['customer'] {
  return r.kind === null
    ? null
    : {
        kind: r.kind as CustomerKind,
        aumFen: r.aum_fen ?? 0,
        segments: r.segments ? (JSON.parse(r.segments) as Segment[]) : [],
        birthMonth: r.birth_month,
        corporateGrade: r.corporate_grade as CorporateGrade | null,
      };
}

export function staffingTicketFromRow(r: StaffingTicketRow): StaffingTicketRecord {
  const s = JSON.parse(r.state) as TicketState;
  return {
    branchDay: r.branch_day,
    queue: r.queue,
    status: s.status,
    priority: s.priority,
    services: s.services,
    arrivedAt: s.arrivedAt,
    calledAt: s.lastCalledAt ?? s.calledAt,
    startedAt: s.startedAt,
    // A cancel leaves finishedAt unset: the last event's time is when the customer left.
    finishedAt: s.finishedAt ?? (s.status === 'cancelled' ? s.lastEventAt : null),
    transferred: s.transferCount > 0,
    endOfDay: s.lastReason === END_OF_DAY_REASON,
    customer: customerFacts(r),
  };
}
