import { useCallback, useState } from 'react';
import type { LiveMessage, PublicTicket, QueueSnapshot } from '@shared/api/queue';
import { useLiveQueue, type LiveStatus } from '../../live/useLiveQueue';

type Seen = Record<string, { at: number; ticket: PublicTicket }>;

const AT_COUNTER = new Set(['called', 'serving', 'held']);
// Tickets that left every counter are kept a minute, long enough to outvote an older snapshot still in flight.
const FORGET_AFTER_MS = 60_000;

function remember(seen: Seen, at: number, ticket: PublicTicket): Seen {
  const next: Seen = { ...seen, [ticket.id]: { at, ticket } };
  for (const [id, e] of Object.entries(next)) {
    if (!AT_COUNTER.has(e.ticket.status) && at - e.at > FORGET_AFTER_MS) delete next[id];
  }
  return next;
}

/**
 * The tickets at one counter. The snapshot names one ticket per counter; the live feed names every change, so the
 * two are merged, the newer report of a ticket winning. That also keeps tickets parked (held) at this counter.
 */
export function useCounterTickets(
  /** The counter, or how to choose it once the snapshot names the counters. */
  counter: string | null | ((snapshot: QueueSnapshot | null) => string | null),
): {
  snapshot: QueueSnapshot | null;
  status: LiveStatus;
  counterId: string | null;
  current: PublicTicket | null;
  held: PublicTicket[];
} {
  const [seen, setSeen] = useState<Seen>({});
  const onMessage = useCallback((m: LiveMessage) => {
    if (m.type === 'ticket') setSeen((s) => remember(s, m.at, m.ticket));
  }, []);
  const { snapshot, status } = useLiveQueue('queues', onMessage);
  const counterId = typeof counter === 'function' ? counter(snapshot) : counter;

  const latest = new Map(Object.entries(seen));
  for (const c of snapshot?.counters ?? []) {
    if (!snapshot) continue;
    for (const t of [...(c.current ? [c.current] : []), ...(c.held ?? [])]) {
      const known = latest.get(t.id);
      if (!known || known.at <= snapshot.at) latest.set(t.id, { at: snapshot.at, ticket: t });
    }
  }
  const mine = [...latest.values()]
    .map((e) => e.ticket)
    .filter((t) => counterId !== null && t.counterId === counterId && AT_COUNTER.has(t.status));
  const current =
    mine
      .filter((t) => t.status === 'called' || t.status === 'serving')
      .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))[0] ?? null;
  const held = mine.filter((t) => t.status === 'held');
  return { snapshot, status, counterId, current, held };
}
