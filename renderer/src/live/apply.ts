import type { LiveMessage, QueueSnapshot } from '@shared/api/queue';
import { withdrawCalls } from '@shared/queue/calls';

/** How many calls the lobby display keeps (the server keeps as many). */
const RECENT_CALLS = 10;

/** Keep the newer of two snapshots: an HTTP resync and the feed can cross on the wire. */
export function newer(prev: QueueSnapshot | null | undefined, next: QueueSnapshot): QueueSnapshot {
  return !prev || next.at >= prev.at ? next : prev;
}

/** Replaces the entries of `list` that `changed` names (by `key`), keeping the list's order. */
function replaceBy<T, K extends keyof T>(list: readonly T[], changed: readonly T[], key: K): T[] {
  if (changed.length === 0) return [...list];
  const byKey = new Map(changed.map((c) => [c[key], c]));
  return list.map((x) => byKey.get(x[key]) ?? x);
}

/**
 * A live message applied to the cached snapshot: a hello or a whole board replaces it (the newer wins); a call
 * joins the recent calls at once (the display shows and speaks it); a ticket change brings the queues and
 * counters it touched, moves the ticket in or out of the no-shows and withdraws its calls when it left unserved; a counter change brings every counter
 * and queue. Messages that say nothing about the board (sync status, notices) leave it as it is. Pure: the
 * same message applied twice gives the same board.
 */
export function applyLive(prev: QueueSnapshot | null | undefined, m: LiveMessage): QueueSnapshot | null {
  switch (m.type) {
    case 'hello':
    case 'snapshot':
      return newer(prev, m.snapshot);
    case 'call':
      if (!prev) return null;
      // A resync that left the server after the call already lists it.
      if (prev.recentCalls.some((c) => c.at === m.at && c.displayNo === m.displayNo && c.recall === m.recall))
        return prev;
      return { ...prev, recentCalls: [m, ...prev.recentCalls].slice(0, RECENT_CALLS) };
    case 'ticket': {
      // Older than the board: a resync taken after this change already holds it.
      if (!prev || m.at < prev.at) return prev ?? null;
      const others = prev.noShows.filter((t) => t.id !== m.ticket.id);
      return {
        ...prev,
        at: m.at,
        queues: replaceBy(prev.queues, m.queues, 'key'),
        counters: replaceBy(prev.counters, m.counters, 'id'),
        noShows: m.ticket.status === 'no_show' ? [...others, m.ticket] : others,
        // A no-show (cancel, requeue, transfer) withdraws the ticket's calls from 正在叫号.
        recentCalls: withdrawCalls(prev.recentCalls, m.ticket.id, m.ticket.status),
      };
    }
    case 'counters':
      if (!prev || m.at < prev.at) return prev ?? null;
      // Every counter and queue: one added or removed elsewhere shows too.
      return { ...prev, at: m.at, counters: m.counters, queues: m.queues };
    default:
      return prev ?? null;
  }
}
