import { connect } from 'node:net';
import pg from 'pg';
import pino from 'pino';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoBranchSummary, HoPushResult, HoReport } from '@shared/api/headoffice';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { formatHlc } from '@shared/sync/hlc';
import { HoSchemaTooNewError, openHeadOffice } from '../../electron/db/headoffice/connection';
import { HO_LATEST_SCHEMA_VERSION, hoMigrations } from '../../electron/db/headoffice/migrations/index';
import { startHeadOffice, type HeadOfficeServer } from '../../electron/server/headoffice/start';
import { freshDatabase, testPgUrl } from './pg';

const PG = testPgUrl();

let seq = 0;
/** `n` envelopes of a branch: every 4th a ticket issue, every 4th+1 an outcome, the rest audit rows. */
function envelopes(branchCode: string, n: number, device = `hub-${branchCode}`): SyncEnvelope[] {
  return Array.from({ length: n }, (_, i) => {
    seq++;
    const kind = i % 4 === 0 ? 'ticket_event' : i % 4 === 1 ? 'suggestion_outcome' : 'audit';
    return {
      id: v7(),
      deviceId: device,
      branchCode,
      hlc: formatHlc({ wall: 1_780_000_000_000 + seq, counter: 0, node: device }),
      kind,
      entityId: v7(),
      payload:
        kind === 'ticket_event'
          ? { op: 'insert', type: 'issue' }
          : kind === 'suggestion_outcome'
            ? { op: 'insert', outcome: i % 8 === 1 ? 'accepted' : 'declined' }
            : { op: 'insert', action: 'customer.lookup' },
    } satisfies SyncEnvelope;
  });
}

describe.skipIf(!PG)('head office on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ho: HeadOfficeServer;
  const keys: Record<string, string> = {};
  let admin = '';

  const call = (path: string, key: string, body?: unknown) =>
    fetch(ho.url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const push = async (code: string, events: SyncEnvelope[], key = keys[code] as string) => {
    const res = await call('/api/ho/push', key, { events });
    if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
    return (await res.json()) as HoPushResult;
  };
  const count = async (sql: string, params: unknown[] = []) => {
    const r = await ho.ho.db.pool.query<{ n: number }>(sql, params);
    return Number(r.rows[0]?.n ?? 0);
  };

  beforeAll(async () => {
    db = await freshDatabase(PG as string);
    ho = await startHeadOffice(
      { pg: db.url, port: 0, host: '127.0.0.1' },
      { log: pino({ level: 'silent' }), version: 'test' },
    );
    const now = Date.now();
    for (const code of ['BR001', 'BR002']) {
      const id = await ho.ho.keys.addBranch(code, `支行 ${code}`, now);
      keys[code] = (await ho.ho.keys.issue({ scope: 'branch', branchId: id }, null, now)).token;
    }
    admin = (await ho.ho.keys.issue({ scope: 'admin' }, 'test', now)).token;
  });
  afterAll(async () => {
    await ho?.close();
    await db?.drop();
  });

  it('migrates an empty database to the latest schema; again changes nothing; refuses a newer one', async () => {
    const fresh = await freshDatabase(PG as string);
    try {
      const h = await openHeadOffice(fresh.url);
      expect(await h.applied()).toEqual(Object.keys(hoMigrations).sort());
      expect(await h.applied()).toContain('0003-history-facts');
      const tables = await h.pool.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          'branches',
          'branch_keys',
          'customers',
          'cards',
          'holdings',
          'products',
          'campaigns',
          'settings',
          'journal',
          'branch_cursors',
        ]),
      );
      // Same columns as the branch schema for the master tables, plus branch_id.
      const cols = await h.pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'holdings' ORDER BY ordinal_position`,
      );
      expect(cols.rows.map((r) => r.column_name).sort()).toEqual(
        ['as_of', 'balance_fen', 'branch_id', 'customer_id', 'id', 'product_code', 'product_type'].sort(),
      );
      expect(await h.migrate()).toBe(HO_LATEST_SCHEMA_VERSION);
      await h.pool.query(
        `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-future', '2030-01-01')`,
      );
      await expect(h.migrate()).rejects.toBeInstanceOf(HoSchemaTooNewError);
      await h.close();
    } finally {
      await fresh.drop();
    }
  });

  it('stores a pushed batch once: the same batch again adds nothing', async () => {
    const batch = envelopes('BR001', 200);
    const first = await push('BR001', batch);
    expect(first).toMatchObject({ accepted: 200, duplicates: 0 });
    expect(first.cursor.hlc).toBe(
      batch
        .map((e) => e.hlc)
        .sort()
        .at(-1),
    );
    const again = await push('BR001', batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 200 });
    expect(again.cursor).toEqual(first.cursor);
    // Half old, half new: only the new half counts.
    const mixed = [...batch.slice(0, 50), ...envelopes('BR001', 50)];
    expect(await push('BR001', mixed)).toMatchObject({ accepted: 50, duplicates: 50 });
    const ids = [...batch, ...mixed].map((e) => e.id);
    expect(await count(`SELECT count(*) AS n FROM journal WHERE id = ANY($1)`, [ids])).toBe(250);
    expect(await count(`SELECT count(DISTINCT id) AS n FROM journal WHERE id = ANY($1)`, [ids])).toBe(250);
  });

  it('two branches pushing at the same time, each batch twice, store every event exactly once', async () => {
    const before = {
      BR001: await count(
        `SELECT count(*) AS n FROM journal j JOIN branches b ON b.id = j.branch_id WHERE b.code = 'BR001'`,
      ),
      BR002: await count(
        `SELECT count(*) AS n FROM journal j JOIN branches b ON b.id = j.branch_id WHERE b.code = 'BR002'`,
      ),
    };
    const batches = { BR001: [] as SyncEnvelope[][], BR002: [] as SyncEnvelope[][] };
    for (let i = 0; i < 8; i++) {
      batches.BR001.push(envelopes('BR001', 250));
      batches.BR002.push(envelopes('BR002', 250));
    }
    // Every batch is sent twice concurrently (a retry racing the original).
    const results = await Promise.all(
      (['BR001', 'BR002'] as const).flatMap((code) =>
        batches[code].flatMap((b) => [push(code, b), push(code, b)]),
      ),
    );
    const accepted = results.reduce((s, r) => s + r.accepted, 0);
    const duplicates = results.reduce((s, r) => s + r.duplicates, 0);
    expect(accepted).toBe(4000);
    expect(duplicates).toBe(4000);
    for (const code of ['BR001', 'BR002'] as const) {
      const n = await count(
        `SELECT count(*) AS n FROM journal j JOIN branches b ON b.id = j.branch_id WHERE b.code = $1`,
        [code],
      );
      expect(n - before[code]).toBe(2000);
    }
    const cursors = await ho.ho.db.pool.query<{ code: string; events: number }>(
      `SELECT b.code, c.events FROM branch_cursors c JOIN branches b ON b.id = c.branch_id ORDER BY 1`,
    );
    for (const r of cursors.rows) {
      expect(r.events).toBe(
        await count(
          `SELECT count(*) AS n FROM journal j JOIN branches b ON b.id = j.branch_id WHERE b.code = $1`,
          [r.code],
        ),
      );
    }
  });

  it('refuses a missing, malformed, wrong or revoked key, and a key speaking for another branch', async () => {
    const one = envelopes('BR001', 1);
    expect((await call('/api/ho/push', '', { events: one })).status).toBe(401);
    expect((await call('/api/ho/push', 'hok.nope', { events: one })).status).toBe(401);
    const forged = (keys.BR001 as string).slice(0, -4) + 'AAAA';
    expect((await call('/api/ho/push', forged, { events: one })).status).toBe(401);
    const wrong = await call('/api/ho/push', keys.BR002 as string, { events: one });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('branch_mismatch');
    expect((await call('/api/ho/snapshot?branch=BR001', keys.BR002 as string)).status).toBe(403);
    expect((await call('/api/ho/push', admin, { events: one })).status).toBe(403);
    // A valid key with a malformed body: 400, and nothing stored.
    const bad = await call('/api/ho/push', keys.BR001 as string, {
      events: [{ ...one[0], hlc: 'yesterday' }],
    });
    expect(bad.status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM journal WHERE id = $1`, [one[0]?.id])).toBe(0);

    const b = await ho.ho.keys.branchByCode('BR002');
    const spare = await ho.ho.keys.issue({ scope: 'branch', branchId: b?.id as string }, 'spare', Date.now());
    expect((await push('BR002', envelopes('BR002', 1), spare.token)).accepted).toBe(1);
    expect(await ho.ho.keys.revoke(spare.keyId, Date.now())).toBe(true);
    expect((await call('/api/ho/push', spare.token, { events: envelopes('BR002', 1) })).status).toBe(401);
    const stored = await ho.ho.db.pool.query<{ secret_hash: string }>(`SELECT secret_hash FROM branch_keys`);
    for (const r of stored.rows) expect(spare.token).not.toContain(r.secret_hash);
  });

  it('lists branches and reports cross-branch totals, for an admin key only', async () => {
    expect((await call('/api/ho/branches', keys.BR001 as string)).status).toBe(403);
    const res = await call('/api/ho/branches', admin);
    expect(res.status).toBe(200);
    const { branches } = (await res.json()) as { branches: HoBranchSummary[] };
    expect(branches.map((b) => b.code)).toEqual(['BR001', 'BR002']);
    for (const b of branches) {
      const n = await count(
        `SELECT count(*) AS n FROM journal j JOIN branches b ON b.id = j.branch_id WHERE b.code = $1`,
        [b.code],
      );
      expect(b.events).toBe(n);
      expect(Object.values(b.byKind).reduce((s, x) => s + x, 0)).toBe(n);
      expect(b.lastPushAt).not.toBeNull();
    }

    const report = (await (await call('/api/ho/report', admin)).json()) as HoReport;
    const expected = await ho.ho.db.pool.query<{
      code: string;
      issued: number;
      accepted: number;
      declined: number;
    }>(
      `SELECT b.code,
         count(*) FILTER (WHERE kind = 'ticket_event' AND payload->>'type' = 'issue') AS issued,
         count(*) FILTER (WHERE kind = 'suggestion_outcome' AND payload->>'outcome' = 'accepted') AS accepted,
         count(*) FILTER (WHERE kind = 'suggestion_outcome' AND payload->>'outcome' = 'declined') AS declined
       FROM journal j JOIN branches b ON b.id = j.branch_id GROUP BY 1 ORDER BY 1`,
    );
    expect(
      report.branches.map((b) => [
        b.code,
        b.ticketsIssued,
        b.outcomes.accepted ?? 0,
        b.outcomes.declined ?? 0,
      ]),
    ).toEqual(expected.rows.map((r) => [r.code, r.issued, r.accepted, r.declined]));
    expect(report.totals.ticketsIssued).toBe(expected.rows.reduce((s, r) => s + r.issued, 0));
    expect(report.totals.ticketsIssued).toBeGreaterThan(1000);
    // A time window before every event is empty.
    const early = (await (await call('/api/ho/report?to=1000', admin)).json()) as HoReport;
    expect(early.totals.ticketsIssued).toBe(0);
  });

  it('keeps working when a pooled connection is killed by the server', async () => {
    const victim = new pg.Client({ connectionString: db.url });
    victim.on('error', () => undefined);
    await victim.connect();
    await ho.ho.db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await victim.end().catch(() => undefined);
    // The pool drops the dead connections and opens new ones.
    let ok = 0;
    for (let i = 0; i < 3; i++) {
      try {
        ok += (await push('BR001', envelopes('BR001', 5))).accepted;
      } catch {
        // the first query on a killed connection may fail once
      }
    }
    expect(ok).toBeGreaterThanOrEqual(10);
  });

  it('close() does not wait for a client stuck in the middle of a request (dropped after the grace period)', async () => {
    const graceMs = 300;
    const second = await startHeadOffice(
      { pg: db.url, port: 0, host: '127.0.0.1' },
      { log: pino({ level: 'silent' }), version: 'test', closeGraceMs: graceMs },
    );
    const u = new URL(second.url);
    const sock = connect(Number(u.port), u.hostname);
    try {
      await new Promise((r) => sock.once('connect', r));
      const dropped = new Promise((r) => sock.once('close', r));
      sock.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'); // headers never finished
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      await second.close();
      const ms = performance.now() - t0;
      expect(ms).toBeGreaterThanOrEqual(graceMs - 50);
      expect(ms).toBeLessThan(graceMs + 2000);
      await dropped;
    } finally {
      sock.destroy();
      await second.close();
    }
  });
});
