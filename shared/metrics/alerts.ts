import type { Bilingual } from '../triage/channel';
import type { DashboardConfig } from './config';
import type { LiveTicket } from './live';

/** The standards a branch is held to (settings → dashboard → alerts), checked against the live board. */
export type AlertKind = 'wait' | 'service' | 'idle' | 'queue_length';

export interface DashboardAlert {
  /** Stable while the same condition lasts: kind and subject (queue or counter). */
  key: string;
  kind: AlertKind;
  queue: string | null;
  counterId: string | null;
  /** Minutes (wait, service, idle) or tickets (queue length). */
  value: number;
  threshold: number;
  /** The ticket concerned (wait, service). */
  displayNo: string | null;
}

export interface AlertInput {
  tickets: readonly LiveTicket[];
  /** Counters idle with a queue now, and since when. */
  idle: readonly { counterId: string; since: number }[];
  now: number;
}

const MIN = 60_000;

export function evaluateAlerts(input: AlertInput, cfg: DashboardConfig['alerts']): DashboardAlert[] {
  const { now } = input;
  const out: DashboardAlert[] = [];
  const longest = new Map<string, LiveTicket>();
  const counts = new Map<string, number>();
  for (const t of input.tickets) {
    if (t.status === 'waiting') {
      counts.set(t.queue, (counts.get(t.queue) ?? 0) + 1);
      const l = longest.get(t.queue);
      if (!l || t.arrivedAt < l.arrivedAt) longest.set(t.queue, t);
    }
    if (t.status === 'serving' && t.startedAt !== null) {
      const m = (now - t.startedAt) / MIN;
      if (m > cfg.serviceMinutes)
        out.push({
          key: `service:${t.counterId ?? t.id}`,
          kind: 'service',
          queue: t.queue,
          counterId: t.counterId,
          value: Math.floor(m),
          threshold: cfg.serviceMinutes,
          displayNo: t.displayNo,
        });
    }
  }
  for (const [queue, t] of longest) {
    const m = (now - t.arrivedAt) / MIN;
    if (m > cfg.waitMinutes)
      out.push({
        key: `wait:${queue}`,
        kind: 'wait',
        queue,
        counterId: null,
        value: Math.floor(m),
        threshold: cfg.waitMinutes,
        displayNo: t.displayNo,
      });
  }
  for (const [queue, n] of counts) {
    if (n > cfg.queueLength)
      out.push({
        key: `queue_length:${queue}`,
        kind: 'queue_length',
        queue,
        counterId: null,
        value: n,
        threshold: cfg.queueLength,
        displayNo: null,
      });
  }
  for (const i of input.idle) {
    const m = (now - i.since) / MIN;
    if (m > cfg.idleWithQueueMinutes)
      out.push({
        key: `idle:${i.counterId}`,
        kind: 'idle',
        queue: null,
        counterId: i.counterId,
        value: Math.floor(m),
        threshold: cfg.idleWithQueueMinutes,
        displayNo: null,
      });
  }
  const order: AlertKind[] = ['wait', 'idle', 'service', 'queue_length'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.key.localeCompare(b.key));
}

/** One line for the manager's and the lobby's screen. */
export function alertText(
  a: DashboardAlert,
  queueName: Bilingual | null,
  counterName: string | null,
): Bilingual {
  const q = queueName ?? { zh: a.queue ?? '', en: a.queue ?? '' };
  const c = counterName ?? '';
  switch (a.kind) {
    case 'wait':
      return {
        zh: `${q.zh}：${a.displayNo ?? ''} 已等候 ${a.value} 分钟（标准 ${a.threshold} 分钟）`,
        en: `${q.en}: ${a.displayNo ?? ''} has waited ${a.value} min (standard ${a.threshold} min)`,
      };
    case 'service':
      return {
        zh: `${c}：${a.displayNo ?? ''} 已办理 ${a.value} 分钟（标准 ${a.threshold} 分钟）`,
        en: `${c}: ${a.displayNo ?? ''} in service for ${a.value} min (standard ${a.threshold} min)`,
      };
    case 'idle':
      return {
        zh: `${c}：有客等候却空闲 ${a.value} 分钟（标准 ${a.threshold} 分钟）`,
        en: `${c}: idle while customers wait for ${a.value} min (standard ${a.threshold} min)`,
      };
    case 'queue_length':
      return {
        zh: `${q.zh}：${a.value} 人等候（上限 ${a.threshold} 人）`,
        en: `${q.en}: ${a.value} waiting (limit ${a.threshold})`,
      };
  }
}
