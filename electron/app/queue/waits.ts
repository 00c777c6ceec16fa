import {
  callsBefore,
  estimateWaitMinutes,
  meanPriorMs,
  servingCapacity,
  visitPriorMs,
  type ServingPoint,
  type TicketState,
} from '@shared/queue';
import type { TransferContext } from '@shared/api/queue';
import type { QueueDeps } from './deps';

/** The newest service times kept per queue. */
const KEEP = 200;

/** What every estimate of one board view shares: who calls now, and how many wait in each queue. */
export interface WaitContext {
  points: ServingPoint[];
  waitingByQueue: Record<string, number>;
}

export interface Wait {
  minutes: number | null;
  servers: number;
}

/**
 * Feeds the pure estimate (shared/queue/wait.ts) from the board: the counters that can call now (open, someone
 * signed in, serving), the recent service times of the queue and the configured minutes of the visits ahead.
 */
export class QueueWaits {
  private durations = new Map<string, number[]>();

  constructor(private readonly d: Pick<QueueDeps, 'tickets' | 'counters' | 'rules' | 'staffedCounters'>) {}

  served(queue: string, ms: number): void {
    const list = this.samples(queue);
    list.push(ms);
    if (list.length > KEEP) list.shift();
  }

  private samples(queue: string): number[] {
    let list = this.durations.get(queue);
    if (!list) {
      list = this.d.tickets.recentDurations(queue, this.d.rules().queue.wait.recentWindow).reverse();
      this.durations.set(queue, list);
    }
    return list;
  }

  context(tickets: readonly TicketState[], now: number): WaitContext {
    const staffed = this.d.staffedCounters(now);
    const busy = new Set(
      tickets
        .filter((t) => t.status === 'called' || t.status === 'serving')
        .map((t) => t.counterId)
        .filter((c): c is string => c !== null),
    );
    const waitingByQueue: Record<string, number> = {};
    for (const t of tickets)
      if (t.status === 'waiting') waitingByQueue[t.queue] = (waitingByQueue[t.queue] ?? 0) + 1;
    return {
      points: this.d.counters.all().map((c) => ({
        open: c.open,
        staffState: c.staffState,
        staffed: staffed.has(c.id),
        queues: c.queues,
        free: !busy.has(c.id),
      })),
      waitingByQueue,
    };
  }

  /** The wait for `queue` with `ahead` (in calling order) before the ticket. */
  private estimate(queue: string, ahead: readonly TicketState[], ctx: WaitContext): Wait {
    const rules = this.d.rules();
    const cap = servingCapacity(ctx.points, queue, ctx.waitingByQueue);
    const intents = rules.triage.intents;
    const minutes = estimateWaitMinutes(
      {
        queue,
        ahead: ahead.length,
        servers: cap.servers,
        free: cap.free,
        recentDurationsMs: this.samples(queue),
        priorMs: meanPriorMs(ahead.map((t) => visitPriorMs(t.services, intents))),
      },
      rules.queue,
    );
    return { minutes, servers: cap.counters };
  }

  /** The wait a new ticket would have: everyone waiting in the queue is ahead (`waiting` in calling order). */
  forNewArrival(queue: string, waiting: readonly TicketState[], ctx: WaitContext): Wait {
    return this.estimate(queue, waiting, ctx);
  }

  /** The wait in `queue` with `ahead` (in calling order) before the ticket. */
  forPosition(
    queue: string,
    ahead: readonly TicketState[],
    tickets: readonly TicketState[],
    now: number,
  ): Wait {
    return this.estimate(queue, ahead, this.context(tickets, now));
  }

  /** A ticket's own wait (its minutes only mean something while it waits). */
  forTicket(t: TicketState, tickets: readonly TicketState[], now: number): Wait {
    const config = this.d.rules().queue;
    const ahead = tickets.filter(
      (x) => x.id !== t.id && x.status === 'waiting' && x.queue === t.queue && callsBefore(x, t, config),
    );
    return this.estimate(t.queue, ahead, this.context(tickets, now));
  }
}

/** Where the ticket's last transfer came from, for the counter receiving it. */
export function lastTransfer(
  t: TicketState,
  d: Pick<QueueDeps, 'tickets' | 'counters' | 'staffName'>,
): TransferContext | null {
  const ev = d.tickets
    .events(t.id)
    .filter((e) => e.type === 'transfer')
    .at(-1);
  if (!ev) return null;
  const fromCounter = ev.counterId ? d.counters.get(ev.counterId) : undefined;
  return {
    fromQueue: t.transferredFrom ?? '',
    reason: typeof ev.payload.reason === 'string' ? ev.payload.reason : null,
    byName: ev.staffId ? d.staffName(ev.staffId) : null,
    fromCounterName: fromCounter?.name ?? null,
    at: ev.at,
  };
}
