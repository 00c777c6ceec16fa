import {
  applyEvent,
  EVENT_LABELS,
  STATUS_LABELS,
  type TicketError,
  type TicketEvent,
  type TicketState,
} from '../queue';

/*
 * Conflict rules (electron/sync/CONFLICTS.md explains them for people):
 * - ticket events merge through the queue state machine, replayed in HLC order: whichever call has the earlier
 *   stamp stands, a later one that the machine refuses is kept in the log as not accepted, and its counter is told;
 * - profile fields: last writer (by HLC) wins, field by field; the losing value goes to the audit log;
 * - outcomes, follow-ups and complaints only append: they never conflict.
 */

export interface StampedTicketEvent {
  event: TicketEvent;
  hlc: string;
}

export interface TicketMerge {
  state: TicketState | null;
  /** Every distinct event, in HLC order, each with whether the machine accepted it. */
  ordered: { item: StampedTicketEvent; accepted: boolean; error: TicketError | null }[];
}

function byHlc(a: StampedTicketEvent, b: StampedTicketEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}

/**
 * One ticket's events from every device, folded in HLC order. A repeated id counts once. The result does not
 * depend on the order the events arrived in, so the hub and every terminal reach the same ticket.
 */
export function mergeTicketEvents(events: Iterable<StampedTicketEvent>): TicketMerge {
  const unique = new Map<string, StampedTicketEvent>();
  for (const e of events) if (!unique.has(e.event.id)) unique.set(e.event.id, e);
  const sorted = [...unique.values()].sort(byHlc);
  let state: TicketState | null = null;
  const ordered: TicketMerge['ordered'] = [];
  for (const item of sorted) {
    const r = applyEvent(state, item.event);
    if (r.ok) {
      state = r.state;
      ordered.push({ item, accepted: true, error: null });
    } else ordered.push({ item, accepted: false, error: r });
  }
  return { state, ordered };
}

/** All tickets' events replayed in HLC order: the queue state every device must converge to. */
export function replayInHlcOrder(events: Iterable<StampedTicketEvent>): Map<string, TicketState> {
  const byTicket = new Map<string, StampedTicketEvent[]>();
  for (const e of events) {
    const list = byTicket.get(e.event.ticketId) ?? [];
    list.push(e);
    byTicket.set(e.event.ticketId, list);
  }
  const out = new Map<string, TicketState>();
  for (const [id, list] of byTicket) {
    const m = mergeTicketEvents(list);
    if (m.state) out.set(id, m.state);
  }
  return out;
}

export interface ConflictNotice {
  ticketId: string;
  displayNo: string;
  /** The counter whose action did not stand. */
  counterId: string | null;
  deviceId: string;
  eventId: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * What to tell a counter whose action lost a merge, or null when nobody needs telling (a refused event with no
 * counter, or one of a run from the same counter already reported).
 */
export function conflictNotice(
  lost: { item: StampedTicketEvent; error: TicketError | null },
  state: TicketState | null,
  winnerCounterName: string | null,
): ConflictNotice | null {
  const ev = lost.item.event;
  if (!state || !ev.counterId) return null;
  const label = EVENT_LABELS[ev.type];
  const where = winnerCounterName ?? state.counterId;
  const byOther = state.counterId !== null && state.counterId !== ev.counterId;
  const zh = byOther
    ? `${state.displayNo} 已由${where ?? '其他'}窗口先行${ev.type === 'call' ? '叫号' : '办理'}，本窗口的“${label.zh}”未生效，请叫下一位`
    : `${state.displayNo} 的“${label.zh}”与其他设备的操作冲突，未生效（当前：${STATUS_LABELS[state.status].zh}）`;
  const en = byOther
    ? `${state.displayNo} was ${ev.type === 'call' ? 'called' : 'taken'} first at counter ${where ?? 'elsewhere'}; your ${label.en} did not stand: call the next customer`
    : `Your ${label.en} of ${state.displayNo} conflicted with another device and did not stand (now ${STATUS_LABELS[state.status].en})`;
  return {
    ticketId: ev.ticketId,
    displayNo: state.displayNo,
    counterId: ev.counterId,
    deviceId: ev.deviceId,
    eventId: ev.id,
    code: lost.error?.code ?? 'conflict',
    zh,
    en,
  };
}

/** Notices for the events that did not stand, one per (ticket, counter). */
export function conflictNotices(
  lost: readonly { item: StampedTicketEvent; error: TicketError | null }[],
  state: TicketState | null,
  counterName: (id: string) => string | null,
): ConflictNotice[] {
  const seen = new Set<string>();
  const out: ConflictNotice[] = [];
  for (const l of lost) {
    const key = `${l.item.event.ticketId}|${l.item.event.counterId ?? ''}`;
    if (seen.has(key)) continue;
    const n = conflictNotice(l, state, state?.counterId ? counterName(state.counterId) : null);
    if (n) {
      seen.add(key);
      out.push(n);
    }
  }
  return out;
}

export interface FieldWrite {
  value: unknown;
  hlc: string;
  deviceId: string;
}

/** Last writer wins by HLC; `current` null means the field was never written by an event (snapshot value). */
export function lastWriterWins(
  current: FieldWrite | null,
  incoming: FieldWrite,
): { winner: FieldWrite; loser: FieldWrite | null } {
  if (!current) return { winner: incoming, loser: null };
  if (incoming.hlc > current.hlc) return { winner: incoming, loser: current };
  if (incoming.hlc === current.hlc) return { winner: current, loser: null };
  return { winner: current, loser: incoming };
}
