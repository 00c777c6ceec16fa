import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { rebuild, type TicketEvent, type TicketState } from '@shared/queue';
import { migrateToLatest, Store } from '../connection';
import { migrationProvider } from './index';

const T = Date.UTC(2026, 2, 2, 1, 0);
const ev = (
  id: string,
  type: TicketEvent['type'],
  min: number,
  payload: Record<string, unknown> = {},
): TicketEvent => ({
  id,
  ticketId: 't1',
  type,
  at: T + min * 60_000,
  staffId: type === 'finish' ? 's9' : 's1',
  deviceId: 'd',
  counterId: type === 'issue' ? null : 'k1',
  payload,
});

// A hub upgraded in place: its tickets of before get their measures (shared/metrics) in ticket_facts.
describe('0011-dashboard', () => {
  it('backfills ticket_facts from the tickets and their events', async () => {
    const store = new Store(new Database(':memory:'));
    const migrator = new Migrator({ db: store.k, provider: migrationProvider });
    expect((await migrator.migrateTo('0007-birth-month')).error).toBeUndefined();
    const events = [
      ev('e1', 'issue', 0, {
        queue: 'individual',
        number: 1,
        displayNo: 'A001',
        branchDay: '2026-03-02',
        priority: 0,
        customerId: null,
        services: [],
      }),
      ev('e2', 'call', 7),
      ev('e3', 'start', 8),
      ev('e4', 'finish', 20),
    ];
    const s = rebuild(events).get('t1') as TicketState;
    const db = store.sqlite;
    // The ticket names a counter the fixture does not set up.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO tickets (id, branch_day, queue, number, display_no, channel, status, counter_id, arrived_at,
         called_at, started_at, finished_at, state, updated_at)
       VALUES ('t1', '2026-03-02', 'individual', 1, 'A001', 'counter', 'done', 'k1', ?, ?, ?, ?, ?, 1)`,
    ).run(T, s.calledAt, s.startedAt, s.finishedAt, JSON.stringify(s));
    const ins = db.prepare(
      `INSERT INTO ticket_events (id, ticket_id, seq, type, payload, staff_id, device_id, counter_id, at, hlc)
       VALUES (?, 't1', ?, ?, '{}', ?, 'd', ?, ?, ?)`,
    );
    events.forEach((e, i) => ins.run(e.id, i + 1, e.type, e.staffId, e.counterId, e.at, `h${i}`));

    await migrateToLatest(store);

    expect(db.prepare('SELECT * FROM ticket_facts').all()).toEqual([
      {
        day: '2026-03-02',
        ticket_id: 't1',
        queue: 'individual',
        tier: null,
        outcome: 'served',
        arrived_at: T,
        wait_ms: 7 * 60_000,
        walk_ms: 60_000,
        service_ms: 12 * 60_000,
        counter_id: 'k1',
        staff_id: 's9',
      },
    ]);
    expect(db.prepare(`SELECT campaign_id, rule_id FROM suggestion_outcomes`).all()).toEqual([]);
  });
});
