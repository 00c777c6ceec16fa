/*
 * Idle with queue: minutes an open, staffed counter (open, its teller at the counter: staff state `serving`)
 * was not serving (no ticket called or in service there) while tickets it could serve (one of its queues)
 * were waiting. Computed by sweeping the day's ticket events and counter state changes in time order.
 */

/** One accepted ticket event, as the timeline needs it. */
export interface TimelineEvent {
  ticketId: string;
  type: string;
  at: number;
  counterId?: string | null | undefined;
  payload: Record<string, unknown>;
}

export interface WaitInterval {
  queue: string;
  from: number;
  /** Null: still waiting. */
  to: number | null;
}

export interface BusyInterval {
  counterId: string;
  from: number;
  to: number | null;
}

/**
 * Waiting and at-counter intervals of every ticket, from its events (in log order per ticket): waiting from
 * issue, requeue or transfer until a call or cancel; at a counter from call or resume until finish, no-show,
 * hold, transfer or cancel.
 */
/** The event types ticketIntervals reads (the store leaves the others, recall and start, unread). */
export const TIMELINE_EVENT_TYPES = [
  'issue',
  'call',
  'resume',
  'finish',
  'no_show',
  'hold',
  'requeue',
  'transfer',
  'cancel',
  'override',
] as const;

export function ticketIntervals(events: readonly TimelineEvent[]): {
  waiting: WaitInterval[];
  busy: BusyInterval[];
} {
  const waiting: WaitInterval[] = [];
  const busy: BusyInterval[] = [];
  const open = new Map<string, { wait?: WaitInterval; busy?: BusyInterval; queue: string }>();
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  for (const ev of events) {
    let s = open.get(ev.ticketId);
    const endWait = () => {
      if (s?.wait) {
        s.wait.to = ev.at;
        s.wait = undefined;
      }
    };
    const endBusy = () => {
      if (s?.busy) {
        s.busy.to = ev.at;
        s.busy = undefined;
      }
    };
    const startWait = (queue: string) => {
      if (!s) return;
      s.queue = queue;
      s.wait = { queue, from: ev.at, to: null };
      waiting.push(s.wait);
    };
    const startBusy = () => {
      if (!s || !ev.counterId) return;
      s.busy = { counterId: ev.counterId, from: ev.at, to: null };
      busy.push(s.busy);
    };
    if (ev.type === 'issue') {
      s = { queue: str(ev.payload.queue) ?? '' };
      open.set(ev.ticketId, s);
      startWait(s.queue);
      continue;
    }
    if (!s) continue;
    switch (ev.type) {
      case 'call':
        endWait();
        startBusy();
        break;
      case 'resume':
        startBusy();
        break;
      case 'finish':
      case 'no_show':
      case 'hold':
        endBusy();
        break;
      case 'requeue':
        startWait(s.queue);
        break;
      case 'transfer':
        endBusy();
        startWait(str(ev.payload.toQueue) ?? s.queue);
        break;
      case 'cancel':
        endWait();
        endBusy();
        break;
      case 'override': {
        const q = str(ev.payload.queue);
        if (q && s.wait) {
          endWait();
          startWait(q);
        }
        break;
      }
    }
  }
  return { waiting, busy };
}

export interface CounterStatus {
  open: boolean;
  staffState: string;
}

export interface CounterStateChange extends CounterStatus {
  counterId: string;
  at: number;
  /** The break reason, when the new state is a break. */
  reason?: string | null;
}

export interface IdleInput {
  /** Start of the period (the branch day's start). */
  from: number;
  now: number;
  counters: { id: string; queues: readonly string[]; initial: CounterStatus }[];
  changes: readonly CounterStateChange[];
  waiting: readonly WaitInterval[];
  busy: readonly BusyInterval[];
}

export interface IdleResult {
  /** Idle-with-queue time in the period. */
  totalMs: number;
  /** When the current idle-with-queue stretch began; null if the counter is not idle with a queue now. */
  idleSince: number | null;
}

export const staffed = (s: CounterStatus): boolean => s.open && s.staffState === 'serving';

type Delta =
  | { at: number; kind: 'wait'; queue: string; d: 1 | -1 }
  | { at: number; kind: 'busy'; counterId: string; d: 1 | -1 }
  | { at: number; kind: 'state'; counterId: string; status: CounterStatus };

export function idleWithQueue(input: IdleInput): Map<string, IdleResult> {
  const { from, now } = input;
  const clip = (t: number) => Math.min(Math.max(t, from), now);
  const deltas: Delta[] = [];
  for (const w of input.waiting) {
    if (w.to !== null && w.to <= from) continue;
    deltas.push({ at: clip(w.from), kind: 'wait', queue: w.queue, d: 1 });
    if (w.to !== null) deltas.push({ at: clip(w.to), kind: 'wait', queue: w.queue, d: -1 });
  }
  for (const b of input.busy) {
    if (b.to !== null && b.to <= from) continue;
    deltas.push({ at: clip(b.from), kind: 'busy', counterId: b.counterId, d: 1 });
    if (b.to !== null) deltas.push({ at: clip(b.to), kind: 'busy', counterId: b.counterId, d: -1 });
  }
  const status = new Map(input.counters.map((c) => [c.id, c.initial]));
  for (const ch of input.changes) {
    if (ch.at <= from) status.set(ch.counterId, ch);
    else if (ch.at <= now) deltas.push({ at: ch.at, kind: 'state', counterId: ch.counterId, status: ch });
  }
  deltas.sort((a, b) => a.at - b.at);

  const waitingBy = new Map<string, number>();
  const busyBy = new Map<string, number>();
  const out = new Map<string, IdleResult>(input.counters.map((c) => [c.id, { totalMs: 0, idleSince: null }]));
  const isIdle = (c: IdleInput['counters'][number]) => {
    const st = status.get(c.id);
    if (!st || !staffed(st) || (busyBy.get(c.id) ?? 0) > 0) return false;
    return c.queues.some((q) => (waitingBy.get(q) ?? 0) > 0);
  };
  const settle = (at: number) => {
    for (const c of input.counters) {
      const r = out.get(c.id) as IdleResult;
      const idle = isIdle(c);
      if (idle && r.idleSince === null) r.idleSince = at;
      else if (!idle && r.idleSince !== null) {
        r.totalMs += at - r.idleSince;
        r.idleSince = null;
      }
    }
  };
  settle(from);
  let i = 0;
  while (i < deltas.length) {
    const at = (deltas[i] as Delta).at;
    // Apply every change at the same instant before judging: a finish and the next call at one moment are no idle time.
    while (i < deltas.length && (deltas[i] as Delta).at === at) {
      const d = deltas[i] as Delta;
      if (d.kind === 'wait') waitingBy.set(d.queue, (waitingBy.get(d.queue) ?? 0) + d.d);
      else if (d.kind === 'busy') busyBy.set(d.counterId, (busyBy.get(d.counterId) ?? 0) + d.d);
      else status.set(d.counterId, d.status);
      i += 1;
    }
    settle(at);
  }
  for (const r of out.values()) if (r.idleSince !== null) r.totalMs += now - r.idleSince;
  return out;
}

/**
 * Break minutes by reason in [from, now] (shrinkage): each counter's stretches in staff state `break`, from its
 * state at `from` (`initial`) and its changes in time order. A break without a reason counts under `other`.
 */
export function breakMinutesByReason(
  initial: ReadonlyMap<string, CounterStatus & { reason?: string | null }>,
  changes: readonly CounterStateChange[],
  from: number,
  now: number,
): Map<string, number> {
  const out = new Map<string, number>();
  const cur = new Map(initial);
  const since = new Map<string, number>([...initial.keys()].map((k) => [k, from]));
  const close = (counterId: string, at: number) => {
    const st = cur.get(counterId);
    const start = since.get(counterId) ?? from;
    if (st && st.staffState === 'break' && at > start) {
      const r = st.reason ?? 'other';
      out.set(r, (out.get(r) ?? 0) + (at - start) / 60_000);
    }
  };
  for (const ch of [...changes].sort((a, b) => a.at - b.at)) {
    if (ch.at < from || ch.at > now) continue;
    close(ch.counterId, ch.at);
    cur.set(ch.counterId, ch);
    since.set(ch.counterId, ch.at);
  }
  for (const id of cur.keys()) close(id, now);
  return out;
}
