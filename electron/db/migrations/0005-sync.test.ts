import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseHlc } from '@shared/sync/hlc';
import { migrateToLatest, Store } from '../connection';
import { migrationProvider } from './index';

describe('0005-sync from the previous schema', () => {
  it('stamps the existing ticket log so it replays in its old order, and adds the sync tables', async () => {
    const store = new Store(new Database(':memory:'));
    const r = await new Migrator({ db: store.k, provider: migrationProvider }).migrateTo('0004-security');
    expect(r.error).toBeUndefined();
    const db = store.sqlite;
    db.prepare(
      `INSERT INTO branch (id, code, name, timezone, created_at) VALUES ('b', 'B1', 'x', 'Asia/Shanghai', 0)`,
    ).run();
    db.prepare(
      `INSERT INTO tickets (id, branch_day, queue, number, display_no, channel, status, arrived_at, updated_at)
       VALUES ('t', '2025-06-16', 'individual', 1, 'A001', 'counter', 'called', 1000, 2000)`,
    ).run();
    const ins = db.prepare(
      `INSERT INTO ticket_events (id, ticket_id, seq, type, payload, device_id, at) VALUES (?, 't', ?, ?, '{}', 'dev-1', ?)`,
    );
    ins.run('e1', 1, 'issue', 1000);
    ins.run('e2', 2, 'call', 1000);
    ins.run('e3', 3, 'recall', 900); // a clock set back: the log order must still win
    await migrateToLatest(store);
    const rows = db.prepare(`SELECT id, hlc, accepted FROM ticket_events ORDER BY hlc`).all() as {
      id: string;
      hlc: string;
      accepted: number;
    }[];
    expect(rows.every((x) => parseHlc(x.hlc) !== null && x.accepted === 1)).toBe(true);
    expect(rows.map((x) => x.id)).toEqual(['e1', 'e2', 'e3']);
    for (const t of [
      'outbox',
      'applied_events',
      'sync_state',
      'number_blocks',
      'sync_devices',
      'sync_notices',
    ]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
  });
});
