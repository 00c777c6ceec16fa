import type { Bilingual } from '../triage/channel';

/*
 * The branch's measures, defined once (DOMAIN.md §4a, issue 15). Every figure on the dashboard, in the reports
 * and in the benchmark comes from these functions (the history tables store their per-ticket results).
 *
 *   wait = call − arrival (a ticket called again after a no-show: the last call)
 *   walk = service start − call;  service = finish − start;  total = finish − arrival
 *   no-shows count with service 0 and are left out of the service averages
 *   SL% (target T) = served with wait ≤ T ÷ all served
 *   no-show % = no-shows ÷ arrived;  walked away % = cancelled while waiting ÷ arrived
 *   conversion = accepted ÷ suggestions shown (a shown suggestion is one with a recorded outcome)
 */

/** What a ticket became: served (finished), a no-show, walked away (cancelled while waiting), cancelled at a counter, or still open. */
export type VisitOutcome = 'served' | 'no_show' | 'walked_away' | 'cancelled' | 'open';

/** The ticket fields the measures read (a TicketState has them all). */
export interface TicketTimes {
  status: string;
  arrivedAt: number;
  /** The last call (a requeue after a no-show clears it; the next call sets it again). */
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  noShowCount: number;
}

export interface TicketMetrics {
  outcome: VisitOutcome;
  /** Null until called. */
  waitMs: number | null;
  walkMs: number | null;
  /** 0 for a no-show; null when not served. */
  serviceMs: number | null;
  totalMs: number | null;
}

export function visitOutcome(t: TicketTimes): VisitOutcome {
  switch (t.status) {
    case 'done':
      return 'served';
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      // Never called (or requeued and not called again): they left the waiting area.
      if (t.calledAt === null) return 'walked_away';
      // Closed after a no-show (the end of the day cancels what is left): still a no-show.
      if (t.noShowCount > 0 && t.startedAt === null) return 'no_show';
      return 'cancelled';
    default:
      return 'open';
  }
}

const span = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.max(0, to - from);

export function ticketMetrics(t: TicketTimes): TicketMetrics {
  const outcome = visitOutcome(t);
  const served = outcome === 'served';
  return {
    outcome,
    waitMs: span(t.arrivedAt, t.calledAt),
    walkMs: span(t.calledAt, t.startedAt),
    serviceMs: served ? span(t.startedAt, t.finishedAt) : outcome === 'no_show' ? 0 : null,
    totalMs: served ? span(t.arrivedAt, t.finishedAt) : null,
  };
}

/** Running totals from which every ratio is taken (SQL sums the same columns for history). */
export interface MetricSums {
  arrived: number;
  served: number;
  /** Served with wait ≤ the queue's target. */
  slMet: number;
  noShows: number;
  walkedAway: number;
  /** Waits of called tickets that are closed (served and no-shows). */
  waitSum: number;
  waitN: number;
  walkSum: number;
  walkN: number;
  /** Service of served tickets only (no-shows' 0 is left out). */
  serviceSum: number;
  serviceN: number;
}

export const emptySums = (): MetricSums => ({
  arrived: 0,
  served: 0,
  slMet: 0,
  noShows: 0,
  walkedAway: 0,
  waitSum: 0,
  waitN: 0,
  walkSum: 0,
  walkN: 0,
  serviceSum: 0,
  serviceN: 0,
});

/** Adds one ticket to the totals (its queue's SL target in ms). */
export function addTicket(s: MetricSums, m: TicketMetrics, targetMs: number): void {
  s.arrived += 1;
  if (m.outcome === 'served') {
    s.served += 1;
    if (m.waitMs !== null && m.waitMs <= targetMs) s.slMet += 1;
    if (m.serviceMs !== null) {
      s.serviceSum += m.serviceMs;
      s.serviceN += 1;
    }
    if (m.walkMs !== null) {
      s.walkSum += m.walkMs;
      s.walkN += 1;
    }
  } else if (m.outcome === 'no_show') s.noShows += 1;
  else if (m.outcome === 'walked_away') s.walkedAway += 1;
  if ((m.outcome === 'served' || m.outcome === 'no_show') && m.waitMs !== null) {
    s.waitSum += m.waitMs;
    s.waitN += 1;
  }
}

export function mergeSums(a: MetricSums, b: MetricSums): MetricSums {
  const out = emptySums();
  for (const k of Object.keys(out) as (keyof MetricSums)[]) out[k] = a[k] + b[k];
  return out;
}

/** The ratios of a set of tickets; null where the denominator is 0. */
export interface Figures {
  arrived: number;
  served: number;
  noShows: number;
  walkedAway: number;
  /** 0–100. */
  slPct: number | null;
  noShowPct: number | null;
  walkedAwayPct: number | null;
  avgWaitMs: number | null;
  avgWalkMs: number | null;
  avgServiceMs: number | null;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? (100 * n) / d : null);
const mean = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

export function figuresOf(s: MetricSums): Figures {
  return {
    arrived: s.arrived,
    served: s.served,
    noShows: s.noShows,
    walkedAway: s.walkedAway,
    slPct: ratio(s.slMet, s.served),
    noShowPct: ratio(s.noShows, s.arrived),
    walkedAwayPct: ratio(s.walkedAway, s.arrived),
    avgWaitMs: mean(s.waitSum, s.waitN),
    avgWalkMs: mean(s.walkSum, s.walkN),
    avgServiceMs: mean(s.serviceSum, s.serviceN),
  };
}

/** Conversion = accepted ÷ shown (shown: suggestions with a recorded outcome); null when none was shown. */
export function conversionPct(accepted: number, shown: number): number | null {
  return ratio(accepted, shown);
}

/** The definitions as the help on the dashboard and the reports shows them. */
export const METRIC_HELP: { key: string; text: Bilingual }[] = [
  {
    key: 'wait',
    text: {
      zh: '等候时长 = 叫号时间 − 取号时间（过号后再次叫号的，按最后一次叫号计）',
      en: 'Wait = call time − arrival time (a ticket called again after a no-show: the last call)',
    },
  },
  {
    key: 'walk',
    text: { zh: '走到窗口 = 开始办理 − 叫号', en: 'Walk = service start − call' },
  },
  {
    key: 'service',
    text: {
      zh: '办理时长 = 办结 − 开始办理；过号按 0 计，且不计入办理时长平均值',
      en: 'Service = finish − start; no-shows count with service 0 and are left out of service averages',
    },
  },
  { key: 'total', text: { zh: '总时长 = 办结 − 取号', en: 'Total = finish − arrival' } },
  {
    key: 'sl',
    text: {
      zh: '服务水平 SL% = 等候不超过目标时长 T 的已办结号 ÷ 全部已办结号（T 按队列在设置中配置）',
      en: 'Service level SL% = served tickets with wait ≤ the target T ÷ all served tickets (T per queue, in settings)',
    },
  },
  {
    key: 'noShow',
    text: {
      zh: '过号率 = 过号 ÷ 取号；离开率 = 等候中取消（未被叫到即离开） ÷ 取号',
      en: 'No-show % = no-shows ÷ arrived; walked away % = cancelled while waiting ÷ arrived',
    },
  },
  {
    key: 'idle',
    text: {
      zh: '有客空闲 = 已开放且有人值守的窗口未在办理、而其可办理的队列有人等候的分钟数',
      en: 'Idle with queue = minutes an open, staffed counter was not serving while tickets it could serve were waiting',
    },
  },
  {
    key: 'conversion',
    text: {
      zh: '转化率 = 接受 ÷ 已展示的推荐（已记录结果的推荐），按产品、活动、员工、客户层级统计',
      en: 'Conversion = accepted ÷ suggestions shown (those with a recorded outcome), by product, campaign, staff, tier',
    },
  },
  {
    key: 'migration',
    text: {
      zh: '层级迁移 = 两次余额快照之间的 起始层级 × 结束层级 矩阵（本月跨过5万即“5万达标”名单）',
      en: 'Tier migration = start band × end band matrix between two balance snapshots (who crossed 50,000 is the 5万达标 list)',
    },
  },
];
