import type { AlertView, CounterLiveView, DashboardLive, GroupLiveView } from '@shared/api/dashboard';
import type { LiveMessage } from '@shared/api/queue';
import type { RulesConfig } from '@shared/config/schema';
import { parseCivil, zonedInstant } from '@shared/import/values';
import {
  addTicket,
  alertText,
  breakMinutesByReason,
  emptySums,
  evaluateAlerts,
  figuresOf,
  idleWithQueue,
  liveGroups,
  NO_TIER,
  slTargetMs,
  ticketIntervals,
  ticketMetrics,
  tierKeyOf,
  type CounterStatus,
  type LiveTicket,
} from '@shared/metrics';
import { branchDay } from '@shared/queue';
import type { CounterRepo } from '../../db/repos/counters';
import type { DashboardRepo } from '../../db/repos/dashboard';

export interface DashboardDeps {
  repo: DashboardRepo;
  counters: Pick<CounterRepo, 'all' | 'stateChanges'>;
  rules: () => RulesConfig;
  now: () => number;
}

/** Midnight of a branch day in the branch's zone. */
export function dayStartOf(day: string, timeZone: string): number {
  const d = parseCivil(day);
  if (!d.ok) throw new Error(`bad branch day ${day}`);
  return zonedInstant({ ...d.value, minutes: 0 }, timeZone);
}

const CLOSED: CounterStatus = { open: false, staffState: 'closed' };

/**
 * The manager's live dashboard: today's tickets and events folded by shared/metrics (per queue, per tier, per
 * counter, idle with queue, breaks) and the threshold alerts. Computed on request; the screen asks again when
 * the live feed says something changed (debounced there), and the alert watcher pushes the alerts.
 */
export class DashboardApp {
  constructor(private readonly d: DashboardDeps) {}

  live(now: number = this.d.now()): DashboardLive {
    const rules = this.d.rules();
    const cfg = rules.dashboard;
    const tz = rules.branch.timezone;
    const day = branchDay(now, tz);
    const from = dayStartOf(day, tz);
    const tickets: LiveTicket[] = this.d.repo.dayTickets(day);

    const total = emptySums();
    for (const t of tickets) addTicket(total, ticketMetrics(t), slTargetMs(cfg, t.queue));

    const queueDefs = rules.queue.queues;
    const queues: GroupLiveView[] = liveGroups(
      tickets,
      queueDefs.map((q) => q.key),
      (t) => t.queue,
      cfg,
      now,
    ).map((g) => {
      const q = queueDefs.find((x) => x.key === g.key);
      return {
        ...g,
        name: q ? { zh: q.zh, en: q.en } : { zh: g.key, en: g.key },
        slTargetMinutes: slTargetMs(cfg, g.key) / 60_000,
      };
    });
    const tierDefs = rules.customer.tiers;
    const tiers: GroupLiveView[] = liveGroups(
      tickets,
      [...tierDefs.map((t) => t.key), NO_TIER],
      tierKeyOf,
      cfg,
      now,
    ).map((g) => {
      const t = tierDefs.find((x) => x.key === g.key);
      return {
        ...g,
        name: t ? { zh: t.zh, en: t.en } : { zh: '未识别客户', en: 'Not identified' },
        slTargetMinutes: null,
      };
    });

    const counters = this.d.counters.all();
    const changes = this.d.counters.stateChanges(from);
    const initial = new Map<string, CounterStatus & { reason?: string | null }>();
    for (const c of counters) {
      const before = changes.filter((x) => x.counterId === c.id && x.at < from).at(-1);
      const today = changes.some((x) => x.counterId === c.id && x.at >= from);
      // Never changed (a seeded or upgraded counter): as it is now; changed today only: closed before that.
      initial.set(
        c.id,
        before ?? (today ? CLOSED : { open: c.open, staffState: c.staffState, reason: c.breakReason }),
      );
    }
    const todays = changes.filter((x) => x.at >= from);
    const { waiting, busy } = ticketIntervals(this.d.repo.dayEvents(day));
    const idle = idleWithQueue({
      from,
      now,
      counters: counters.map((c) => ({ id: c.id, queues: c.queues, initial: initial.get(c.id) ?? CLOSED })),
      changes: todays,
      waiting,
      busy,
    });
    const servedBy = new Map<string, number>();
    for (const t of tickets)
      if (t.status === 'done' && t.counterId) servedBy.set(t.counterId, (servedBy.get(t.counterId) ?? 0) + 1);
    const counterViews: CounterLiveView[] = counters.map((c) => {
      const cur = tickets.find(
        (t) => t.counterId === c.id && (t.status === 'called' || t.status === 'serving'),
      );
      const i = idle.get(c.id);
      return {
        id: c.id,
        number: c.number,
        name: c.name,
        queues: c.queues,
        open: c.open,
        staffState: c.staffState,
        breakReason: c.breakReason,
        stateSince: c.stateSince,
        current: cur
          ? { displayNo: cur.displayNo, status: cur.status, since: cur.startedAt ?? cur.calledAt }
          : null,
        servedToday: servedBy.get(c.id) ?? 0,
        idleWithQueueMs: i?.totalMs ?? 0,
        idleSince: i?.idleSince ?? null,
      };
    });

    const alerts: AlertView[] = evaluateAlerts(
      {
        tickets,
        idle: counterViews
          .filter((c) => c.idleSince !== null)
          .map((c) => ({ counterId: c.id, since: c.idleSince as number })),
        now,
      },
      cfg.alerts,
    ).map((a) => {
      const q = a.queue ? queueDefs.find((x) => x.key === a.queue) : undefined;
      const c = a.counterId ? counters.find((x) => x.id === a.counterId) : undefined;
      return { ...a, text: alertText(a, q ? { zh: q.zh, en: q.en } : null, c?.name ?? null) };
    });

    const breaks = [...breakMinutesByReason(initial, todays, from, now)].map(([reason, minutes]) => ({
      reason,
      minutes: Math.round(minutes),
    }));
    return {
      at: now,
      branchDay: day,
      total: figuresOf(total),
      queues,
      tiers,
      counters: counterViews,
      alerts,
      breaks,
    };
  }

  alerts(now: number = this.d.now()): { at: number; alerts: AlertView[] } {
    return { at: now, alerts: this.live(now).alerts };
  }
}

/** What the watcher needs of the queue: its live feed. */
export interface LiveFeed {
  subscribe(fn: (m: LiveMessage) => void): () => void;
  emit(m: LiveMessage): void;
}

/** After a change, the next check waits at least this many times as long as the last one took (≤ 2% of the time). */
const CHECK_SHARE_INVERSE = 50;

/**
 * Pushes the alerts on the live feed (the manager's dashboard and the lobby's screen) when they change:
 * recomputed a moment after the board changes (debounced, so a burst of events costs one computation) and
 * every half minute (a wait crosses its threshold with no event at all).
 */
export class AlertWatcher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly tick: ReturnType<typeof setInterval>;
  private readonly off: () => void;
  private last = '';
  /** How long the last check took. */
  private lastMs = 0;

  constructor(
    private readonly app: DashboardApp,
    private readonly feed: LiveFeed,
    private readonly log: { warn(obj: object, msg: string): void },
    opts: { debounceMs?: number; everyMs?: number } = {},
  ) {
    const debounce = opts.debounceMs ?? 1000;
    this.off = feed.subscribe((m) => {
      if (m.type !== 'ticket' && m.type !== 'counters' && m.type !== 'snapshot') return;
      if (this.timer) return;
      // The check reads the whole day: on a very busy day it is kept to a small share of the server's time.
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.check();
        },
        Math.max(debounce, this.lastMs * CHECK_SHARE_INVERSE),
      );
      this.timer.unref?.();
    });
    this.tick = setInterval(() => this.check(), opts.everyMs ?? 30_000);
    this.tick.unref?.();
  }

  check(): void {
    const t0 = performance.now();
    try {
      const { at, alerts } = this.app.alerts();
      this.lastMs = performance.now() - t0;
      const sig = JSON.stringify(alerts.map((a) => [a.key, a.value]));
      if (sig === this.last) return;
      this.last = sig;
      this.feed.emit({ type: 'alerts', at, alerts });
    } catch (err) {
      this.log.warn({ err }, 'alert check failed');
    }
  }

  stop(): void {
    this.off();
    clearInterval(this.tick);
    if (this.timer) clearTimeout(this.timer);
  }
}
