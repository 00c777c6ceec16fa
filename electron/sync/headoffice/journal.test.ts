import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { syncEnvelope } from '@shared/sync/envelope';
import { migrateToLatest, Store } from '../../db/connection';
import { migrationProvider } from '../../db/migrations/index';
import { HeadOfficeSyncRepo } from '../../db/repos/headoffice-sync';
import { backoffMs, HoClient, HoHttpError } from './client';
import { journalEnvelope } from './envelopes';

const U = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ctx = { branchCode: 'BR001', deviceId: 'hub-1' };

async function storeBefore0006(): Promise<Store> {
  const store = new Store(new Database(':memory:'));
  const r = await new Migrator({ db: store.k, provider: migrationProvider }).migrateTo('0005-sync');
  if (r.error) throw r.error;
  return store;
}

describe('the hub journal for the head office (migration 0006)', () => {
  it('journals rows written before the migration, oldest first', async () => {
    const store = await storeBefore0006();
    const db = store.sqlite;
    db.prepare(`INSERT INTO audit_log (id, at, action, detail) VALUES (?, 2000, 'later', '{}')`).run(U(1));
    db.prepare(`INSERT INTO audit_log (id, at, action, detail) VALUES (?, 1000, 'earlier', '{"a":1}')`).run(
      U(2),
    );
    db.prepare(
      `INSERT INTO customers (id, customer_no, kind, name, lifecycle, relationship_type, tier, created_at, updated_at)
       VALUES (?, 'C1', 'individual', '张三', 'active', 'retail', 'mid', 1, 1)`,
    ).run(U(3));
    db.prepare(
      `INSERT INTO suggestion_outcomes (id, customer_id, product_code, outcome, staff_id, at) VALUES (?, ?, 'TD_STANDARD', 'accepted', 's1', 1500)`,
    ).run(U(4), U(3));
    await migrateToLatest(store);
    const rows = new HeadOfficeSyncRepo(store).pending(100);
    expect(rows.map((r) => r.row_id)).toEqual([U(4), U(2), U(1)]);
    const outcome = JSON.parse(rows[0]?.payload ?? '{}') as Record<string, unknown>;
    expect(outcome).toMatchObject({
      op: 'insert',
      customerNo: 'C1',
      outcome: 'accepted',
      productCode: 'TD_STANDARD',
    });
    expect(JSON.parse(rows[1]?.payload ?? '{}')).toMatchObject({ action: 'earlier', detail: { a: 1 } });
  });

  it('journals inserts and real changes in the same transaction, and nothing for a no-op update', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const db = store.sqlite;
    // Only the journal is under test here: rows without their customers and staff.
    db.pragma('foreign_keys = OFF');
    const repo = new HeadOfficeSyncRepo(store);
    db.prepare(
      `INSERT INTO follow_ups (id, customer_id, kind, assignee_id, due_at, status, created_by, created_at) VALUES (?, 'c', 'call', 's', 9, 'open', 's', 5)`,
    ).run(U(10));
    db.prepare(`UPDATE follow_ups SET status = 'open' WHERE id = ?`).run(U(10));
    db.prepare(`UPDATE follow_ups SET status = 'done', done_at = 7 WHERE id = ?`).run(U(10));
    db.prepare(
      `INSERT INTO complaints (id, category, description, status, deadline_at, created_by, created_at) VALUES (?, 'fees', 'x', 'open', 99, 's', 6)`,
    ).run(U(11));
    db.prepare(
      `UPDATE complaints SET status = 'resolved', resolved_at = 8, resolved_by = 's' WHERE id = ?`,
    ).run(U(11));
    // A rolled-back change leaves no journal row either.
    expect(() =>
      store.tx(() => {
        db.prepare(`UPDATE complaints SET resolution = 'x' WHERE id = ?`).run(U(11));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    db.prepare(
      `INSERT INTO tickets (id, branch_day, queue, number, display_no, channel, status, arrived_at, updated_at) VALUES (?, '2026-05-01', 'A', 1, 'A001', 'counter', 'waiting', 1, 1)`,
    ).run(U(12));
    db.prepare(
      `INSERT INTO ticket_events (id, ticket_id, seq, type, payload, device_id, at, hlc) VALUES (?, ?, 1, 'issue', '{}', 'term-7', 1, '1780000000000:0003:term-7')`,
    ).run(U(13), U(12));

    const rows = repo.pending(100);
    expect(rows.map((r) => [r.source, r.op])).toEqual([
      ['follow_ups', 'insert'],
      ['follow_ups', 'update'],
      ['complaints', 'insert'],
      ['complaints', 'update'],
      ['ticket_events', 'insert'],
    ]);
    const envs = rows.map((r) => journalEnvelope(r, ctx));
    for (const e of envs) expect(syncEnvelope.safeParse(e).success).toBe(true);
    expect(envs.map((e) => e.kind)).toEqual([
      'follow_up',
      'follow_up_done',
      'complaint',
      'complaint_resolved',
      'ticket_event',
    ]);
    expect(envs[0]?.id).toBe(U(10));
    expect(envs[1]?.id).toBe(`${U(10)}:${rows[1]?.seq}`);
    // A ticket event keeps its own device and stamp; the others are the hub's, ordered by time.
    expect(envs[4]).toMatchObject({ deviceId: 'term-7', hlc: '1780000000000:0003:term-7', entityId: U(12) });
    expect(envs[4]?.payload).toMatchObject({ type: 'issue', ticket: { displayNo: 'A001', queue: 'A' } });
    expect(envs[0]?.hlc.startsWith('0000000000005:')).toBe(true);
    expect(envs[0]?.deviceId).toBe('hub-1');

    repo.ack(rows[2]?.seq ?? 0, 100);
    expect(repo.pending(100).map((r) => r.source)).toEqual(['complaints', 'ticket_events']);
    expect(repo.state('push_seq')).toBe(String(rows[2]?.seq));
  });
});

describe('the head-office client', () => {
  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffMs(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffMs(20, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffMs(5, 500, 30_000, () => 0)).toBe(0);
  });

  it('retries a 503 and a dropped connection, but not a refused key', async () => {
    let calls = 0;
    const script = [
      () => {
        throw new TypeError('ECONNRESET');
      },
      () => new Response('{}', { status: 503 }),
      () => Response.json({ accepted: 1, duplicates: 0, cursor: { hlc: null, events: 1 } }),
    ];
    const flaky: typeof fetch = async () => (script[calls++] as () => Response)();
    const waits: number[] = [];
    const c = new HoClient('http://ho.invalid/', 'hok.x', {
      fetch: flaky,
      sleep: async (ms) => void waits.push(ms),
      baseDelayMs: 10,
    });
    expect((await c.push([])).accepted).toBe(1);
    expect(calls).toBe(3);
    expect(waits.length).toBe(2);

    let refused = 0;
    const denied = new HoClient('http://ho.invalid', 'hok.x', {
      fetch: async () => {
        refused++;
        return Response.json(
          { error: { code: 'bad_branch_key', en: 'The branch key is invalid' } },
          { status: 401 },
        );
      },
      sleep: async () => undefined,
    });
    const err = await denied.push([]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HoHttpError);
    expect(err).toMatchObject({ status: 401, code: 'bad_branch_key', retryable: false });
    expect(refused).toBe(1);
  });

  it('journals a satisfaction answer (migration 0016) and sends it as a feedback_rating envelope', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const db = store.sqlite;
    const repo = new HeadOfficeSyncRepo(store);
    repo.ack(repo.pending(10_000).at(-1)?.seq ?? 0, 10_000);
    db.prepare(
      `INSERT INTO tickets (id, branch_day, queue, number, display_no, channel, status, arrived_at, updated_at) VALUES (?, '2026-05-01', 'A', 1, 'A001', 'counter', 'done', 1, 1)`,
    ).run(U(20));
    repo.ack(repo.pending(10_000).at(-1)?.seq ?? 0, 10_000);
    db.prepare(
      `INSERT INTO feedback_ratings (id, ticket_id, counter_id, staff_id, services, answer, dimensions, channel, branch_day, finished_at, at)
       VALUES (?, ?, 'c1', 's1', '["deposit"]', 'dissatisfied', '{"attitude":"improve"}', 'pad', '2026-05-01', 5, 6)`,
    ).run(U(21), U(20));
    const rows = repo.pending(100);
    expect(rows.map((r) => [r.source, r.op])).toEqual([['feedback_ratings', 'insert']]);
    const env = journalEnvelope(rows[0] as (typeof rows)[number], ctx);
    expect(syncEnvelope.safeParse(env).success).toBe(true);
    expect(env.kind).toBe('feedback_rating');
    expect(env.payload).toMatchObject({
      ticketId: U(20),
      answer: 'dissatisfied',
      services: ['deposit'],
      dimensions: { attitude: 'improve' },
      staffId: 's1',
    });
  });
});
