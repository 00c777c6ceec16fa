import type { LiveTicket } from '@shared/metrics';
import type { TimelineEvent } from '@shared/metrics/idle';

/** A ticket of the day as the live dashboard reads it: the row's columns, the live queue from its fact, no JSON. */
export interface LiveTicketRow {
  id: string;
  display_no: string;
  queue: string;
  status: string;
  arrived_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  no_show_count: number | null;
  tier: string | null;
}

export function liveTicketFromRow(r: LiveTicketRow): LiveTicket {
  return {
    id: r.id,
    displayNo: r.display_no,
    queue: r.queue,
    status: r.status,
    arrivedAt: r.arrived_at,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    counterId: r.counter_id,
    noShowCount: r.no_show_count ?? 0,
    tier: r.tier,
  };
}

/** An accepted event with the one payload field the timeline reads (the queue of an issue, transfer or override). */
export interface TimelineRow {
  ticket_id: string;
  type: string;
  at: number;
  counter_id: string | null;
  queue: string | null;
}

export function timelineEventFromRow(r: TimelineRow): TimelineEvent {
  return {
    ticketId: r.ticket_id,
    type: r.type,
    at: r.at,
    counterId: r.counter_id,
    payload: r.queue === null ? {} : r.type === 'transfer' ? { toQueue: r.queue } : { queue: r.queue },
  };
}
