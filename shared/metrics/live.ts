import { slTargetMs, type DashboardConfig } from './config';
import {
  addTicket,
  emptySums,
  figuresOf,
  ticketMetrics,
  type Figures,
  type TicketTimes,
} from './definitions';

/** A ticket of today as the live dashboard sees it. */
export interface LiveTicket extends TicketTimes {
  id: string;
  displayNo: string;
  /** The queue it is in now (after transfers and overrides). */
  queue: string;
  /** The customer's tier; null for a walk-in nobody identified. */
  tier: string | null;
  counterId: string | null;
}

export interface GroupLive {
  key: string;
  waitingNow: number;
  /** now − arrival of the longest-waiting ticket; null when nobody waits. */
  longestWaitMs: number | null;
  figures: Figures;
}

/** Today so far, grouped by `keyOf` (queue or tier); every key in `keys` appears, even with no ticket. */
export function liveGroups(
  tickets: readonly LiveTicket[],
  keys: readonly string[],
  keyOf: (t: LiveTicket) => string,
  config: DashboardConfig,
  now: number,
): GroupLive[] {
  const acc = new Map(
    keys.map((k) => [k, { sums: emptySums(), waiting: 0, longest: null as number | null }]),
  );
  for (const t of tickets) {
    const key = keyOf(t);
    let a = acc.get(key);
    if (!a) {
      a = { sums: emptySums(), waiting: 0, longest: null };
      acc.set(key, a);
    }
    addTicket(a.sums, ticketMetrics(t), slTargetMs(config, t.queue));
    if (t.status === 'waiting') {
      a.waiting += 1;
      const w = Math.max(0, now - t.arrivedAt);
      a.longest = a.longest === null ? w : Math.max(a.longest, w);
    }
  }
  return [...acc].map(([key, a]) => ({
    key,
    waitingNow: a.waiting,
    longestWaitMs: a.longest,
    figures: figuresOf(a.sums),
  }));
}

/** Tickets without a known tier are grouped under this key. */
export const NO_TIER = 'none';
export const tierKeyOf = (t: LiveTicket): string => t.tier ?? NO_TIER;
