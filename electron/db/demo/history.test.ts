import { afterEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { ticketMetrics } from '@shared/metrics/definitions';
import { rebuild, type TicketState } from '@shared/queue';
import { openStore, type Store } from '../connection';
import { Pii, testKeys } from '../pii';
import { TicketRepo } from '../repos/tickets';
import { seedHistory } from './history';
import { seedBranch, seedCustomers } from './seed';
import { daysBefore, historyVisits, type HistoryOptions } from './visits';

/** 2026-11-25 (a Wednesday) 14:30 in Beijing. */
const NOW = Date.UTC(2026, 10, 25, 6, 30);
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const counters: HistoryOptions['counters'] = [
  { id: 'c1', queues: ['individual'], staffId: 's1' },
  { id: 'c3', queues: ['corporate', 'individual'], staffId: 's3' },
  { id: 'c8', queues: ['vip'], staffId: 's8' },
  { id: 'c9', queues: ['self'], staffId: null },
];

function visits(seed: number, until?: number) {
  let n = 0;
  return [
    ...historyVisits({
      days: ['2026-11-23', '2026-11-24', '2026-11-25'],
      perDay: 200,
      seed,
      counters,
      customers: [
        { id: 'v', kind: 'individual', vip: true },
        { id: 'p', kind: 'individual', vip: false },
        { id: 'k', kind: 'corporate', vip: false },
      ],
      rules: defaultRulesConfig,
      deviceId: 'd',
      until,
      newId: () => `id${String(n++).padStart(7, '0')}`,
    }),
  ];
}

describe('historyVisits', () => {
  it('is the same for the same seed, and every log folds (shared/queue) to the state it yields', () => {
    const a = visits(1);
    expect(visits(1)).toEqual(a);
    expect(visits(2)).not.toEqual(a);
    for (const v of a) {
      expect(rebuild(v.events).get(v.state.id)).toEqual(v.state);
      expect(v.events[0]?.type).toBe('issue');
    }
    // About 200 a day (Monday a little more), in the four queues, with every ending a branch sees.
    expect(a.length).toBeGreaterThan(550);
    expect(a.length).toBeLessThan(700);
    const statuses = new Set(a.map((v) => v.state.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'done', 'no_show']);
    const outcomes = a.map((v) => ticketMetrics(v.state).outcome);
    expect(new Set(outcomes)).toEqual(new Set(['served', 'no_show', 'walked_away']));
    expect(new Set(a.map((v) => v.state.queue))).toEqual(new Set(['individual', 'corporate', 'vip', 'self']));
    // Multi-service visits go on to the VIP room in the same ticket; outcomes name the server and often a campaign.
    expect(a.some((v) => v.state.transferCount === 1 && v.state.status === 'done')).toBe(true);
    const withOutcome = a.filter((v) => v.outcome);
    expect(withOutcome.length).toBeGreaterThan(20);
    expect(withOutcome.some((v) => v.outcome?.campaignId)).toBe(true);
    for (const v of withOutcome) expect(v.state.customerId).not.toBeNull();
  });

  it('stops at `until`: today has tickets still waiting or at a counter, none after that instant', () => {
    const today = visits(1, NOW).filter((v) => v.state.branchDay === '2026-11-25');
    expect(today.length).toBeGreaterThan(50);
    for (const v of today) for (const e of v.events) expect(e.at).toBeLessThanOrEqual(NOW);
    const open = today.filter((v: { state: TicketState }) =>
      ['waiting', 'called', 'serving'].includes(v.state.status),
    );
    expect(open.length).toBeGreaterThan(0);
  });

  it('lists the days before a date, oldest first', () => {
    expect(daysBefore('2026-03-02', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});

describe('seedHistory', () => {
  it('writes the tickets, their logs and ticket_facts as the ticket store does, with outcomes and complaints', async () => {
    const store = await openStore(':memory:');
    stores.push(store);
    seedBranch(store, defaultRulesConfig, 'x', NOW - 90 * 86_400_000);
    seedCustomers(store, new Pii(testKeys()), defaultRulesConfig, { count: 300, seed: 3, now: NOW });
    const counts = seedHistory(store, defaultRulesConfig, {
      days: daysBefore('2026-11-25', 14),
      perDay: 60,
      seed: 5,
      batch: 100,
    });
    const db = store.sqlite;
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(counts.visits).toBeGreaterThan(600);
    expect(one('SELECT count(*) FROM tickets')).toBe(counts.visits);
    expect(one('SELECT count(*) FROM ticket_facts')).toBe(counts.visits);
    expect(one('SELECT count(*) FROM ticket_events')).toBe(counts.events);
    expect(one('SELECT count(*) FROM suggestion_outcomes')).toBe(counts.outcomes);
    expect(one('SELECT count(*) FROM complaints')).toBe(counts.complaints);
    expect(counts.outcomes).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The stored log folds to the stored state, and the facts are the measures of that state.
    const repo = new TicketRepo(store);
    const ids = db.prepare('SELECT id FROM tickets ORDER BY random() LIMIT 40').pluck().all() as string[];
    for (const id of ids) {
      const state = repo.get(id) as TicketState;
      expect(rebuild(repo.events(id)).get(id)).toEqual(state);
      const fact = db
        .prepare('SELECT outcome, wait_ms, service_ms, queue FROM ticket_facts WHERE ticket_id = ?')
        .get(id) as { outcome: string; wait_ms: number | null; service_ms: number | null; queue: string };
      const m = ticketMetrics(state);
      expect(fact).toEqual({
        outcome: m.outcome,
        wait_ms: m.waitMs,
        service_ms: m.serviceMs,
        queue: state.queue,
      });
    }
    // Served tickets name who served them (the history's per-staff table), and some carry a customer's tier.
    expect(
      one(`SELECT count(*) FROM ticket_facts WHERE outcome = 'served' AND staff_id IS NULL`),
    ).toBeLessThan(one(`SELECT count(*) FROM ticket_facts WHERE outcome = 'served'`) / 3);
    expect(one('SELECT count(*) FROM ticket_facts WHERE tier IS NOT NULL')).toBeGreaterThan(0);
  });

  it('leaves the suggestion outcomes out when asked (the demo: they would feed the learned conversion)', async () => {
    const store = await openStore(':memory:');
    stores.push(store);
    seedBranch(store, defaultRulesConfig, 'x', NOW - 90 * 86_400_000);
    seedCustomers(store, new Pii(testKeys()), defaultRulesConfig, { count: 100, seed: 3, now: NOW });
    const counts = seedHistory(store, defaultRulesConfig, {
      days: daysBefore('2026-11-25', 3),
      perDay: 60,
      seed: 5,
      outcomes: false,
    });
    expect(counts.visits).toBeGreaterThan(100);
    expect(counts.outcomes).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM suggestion_outcomes').pluck().get()).toBe(0);
  });
});
