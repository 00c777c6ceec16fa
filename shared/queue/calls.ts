import type { TicketStatus } from './events';

/*
 * The lobby display's calls (正在叫号 / 最近叫号). A call stands while its ticket is at the counter or was served
 * there; once the ticket is marked a no-show, cancelled or put back in line (requeue, transfer) the call is
 * withdrawn: the display stops showing it as the call in progress, so nobody walks to a counter that gave up.
 */

/** A call entry as the display keeps it. */
export interface CallEntry {
  ticketId: string;
  withdrawn?: boolean;
}

/** Does a call of a ticket in this status still stand? */
export function callStands(status: TicketStatus): boolean {
  return status === 'called' || status === 'serving' || status === 'held' || status === 'done';
}

/**
 * The calls after a ticket changed to `status`: its calls are marked withdrawn when the call no longer stands.
 * Answers the same array when nothing changed (so a screen need not re-render).
 */
export function withdrawCalls<C extends CallEntry>(calls: C[], ticketId: string, status: TicketStatus): C[] {
  if (callStands(status) || !calls.some((c) => c.ticketId === ticketId && !c.withdrawn)) return calls;
  return calls.map((c) => (c.ticketId === ticketId && !c.withdrawn ? { ...c, withdrawn: true } : c));
}

/** The call the display shows as 正在叫号: the newest one still standing. */
export function standingCall<C extends CallEntry>(calls: readonly C[]): C | undefined {
  return calls.find((c) => !c.withdrawn);
}
