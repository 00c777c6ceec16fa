import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { branchDay, type TicketEvent } from '@shared/queue';
import type { BlockGrant, EnrollResponse, PushResponse } from '@shared/sync/api';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { HlcClock } from '@shared/sync/hlc';
import { replayInHlcOrder } from '@shared/sync/merge';
import { tempDir } from './harness';
import { walkInEnvelopes } from './walk-in-journal';

/**
 * (a) kill -9 of the hub — a real `serve` process — in the middle of a burst of 10,000 ticket events pushed by
 * four terminals, plus a lobby issuing tickets through the plain API. Every event the hub acknowledged is there
 * after the restart, none twice, the database passes PRAGMA integrity_check, and the tickets equal the replay.
 */
const CLIENTS = 4;
const PER_CLIENT = 2500;
const PER_TICKET = 10; // issue, call, 7 × recall, finish … see script()
const BATCH = 50;
const KILL_AFTER = 3000;

const dir = tempDir('sync-kill-');
const dataDir = join(dir, 'data');
const port = 20_000 + Math.floor(Math.random() * 20_000);
const url = `http://127.0.0.1:${port}`;
let child: ChildProcess | null = null;

function spawnHub(): ChildProcess {
  const c = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/serve.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--demo-customers',
      '20',
      '--log-level',
      'error',
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  child = c;
  return c;
}

async function healthy(deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('hub did not come up');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A request that failed because the hub was down or went down under it: refused while it restarts,
 * reset or cut off mid-reply by the kill. Only these are retried; anything else (a failed expect
 * above all) fails the test.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
function isConnectionError(e: unknown): boolean {
  for (let c: unknown = e; c instanceof Error; c = c.cause) {
    const code = (c as NodeJS.ErrnoException).code;
    if (code && CONNECTION_CODES.has(code)) return true;
    // undici's wrappers: `fetch failed` (no connection) and `terminated` (the body was cut off).
    if (c instanceof TypeError && (c.message === 'fetch failed' || c.message === 'terminated')) return true;
  }
  return false;
}

async function post<T>(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** One terminal's script: tickets from its own blocks, each issued, called, recalled, served and finished. */
function script(deviceId: string, blocks: BlockGrant[], counterId: string, day: string): SyncEnvelope[] {
  const clock = new HlcClock(deviceId, Date.now, 60_000);
  const numbers = blocks.flatMap((b) => Array.from({ length: b.end - b.start + 1 }, (_, i) => b.start + i));
  const out: SyncEnvelope[] = [];
  for (let k = 0; out.length < PER_CLIENT; k++) {
    const n = numbers[k] as number;
    const types: TicketEvent['type'][] = [
      'issue',
      'call',
      ...Array<'recall'>(6).fill('recall'),
      'start',
      'finish',
    ];
    out.push(...walkInEnvelopes(clock, deviceId, counterId, day, n, types.slice(0, PER_TICKET)));
  }
  return out;
}

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dataDir}.keys`, { recursive: true, force: true });
});

describe('kill -9 of the hub during a burst', () => {
  it('keeps every acknowledged event and a sound database', async () => {
    spawnHub();
    await healthy(Date.now() + 90_000);
    const login = await post<{ token: string }>('/api/session', { username: 'lobby1', password: 'demo1234' });
    const lobby = login.body.token;
    const counters = (await (
      await fetch(`${url}/api/counters`, { headers: { authorization: `Bearer ${lobby}` } })
    ).json()) as {
      counters: { id: string; queues: string[] }[];
    };
    const counterIds = counters.counters.filter((c) => c.queues.includes('individual')).map((c) => c.id);
    const day = branchDay(Date.now(), 'Asia/Shanghai');

    const clients: { deviceId: string; token: string; events: SyncEnvelope[] }[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const deviceId = `kill-test-${i}`;
      const e = await post<EnrollResponse>('/api/sync/enroll', {
        username: 'manager1',
        password: 'demo1234',
        deviceId,
      });
      expect(e.status).toBe(200);
      const blocks: BlockGrant[] = [];
      for (let b = 0; b < Math.ceil(PER_CLIENT / PER_TICKET / 100); b++) {
        const r = await post<{ blocks: BlockGrant[] }>(
          '/api/sync/blocks',
          { branchDay: day, queues: ['individual'] },
          { 'x-device-token': e.body.token },
        );
        expect(r.status).toBe(200);
        blocks.splice(0, blocks.length, ...r.body.blocks);
      }
      clients.push({
        deviceId,
        token: e.body.token,
        events: script(deviceId, blocks, counterIds[i % counterIds.length] as string, day),
      });
    }

    const acked = new Set<string>();
    const apiTickets = new Set<string>();
    let killed = false;
    let restarted: Promise<void> | null = null;
    const killer = async () => {
      while (acked.size < KILL_AFTER) await new Promise((r) => setTimeout(r, 5));
      const c = child as ChildProcess;
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await gone;
      killed = true;
      restarted = (async () => {
        spawnHub();
        await healthy(Date.now() + 90_000);
      })();
      await restarted;
    };

    // A push that fails on the connection (refused or reset) is sent again: the hub dedupes by id.
    let stopped = false;
    const pusher = async (c: (typeof clients)[number]) => {
      for (let i = 0; i < c.events.length && !stopped; i += BATCH) {
        const batch = c.events.slice(i, i + BATCH);
        let r: { status: number; body: PushResponse } | null = null;
        while (!r && !stopped) {
          try {
            r = await post<PushResponse>('/api/sync/push', { events: batch }, { 'x-device-token': c.token });
          } catch (e) {
            if (!isConnectionError(e)) throw e;
            await new Promise((res) => setTimeout(res, 50));
          }
        }
        if (!r) return;
        expect(r.status).toBe(200);
        expect(r.body.failed).toBe(0);
        for (const id of r.body.acked) acked.add(id);
      }
    };
    // The lobby keeps issuing tickets through the ordinary API meanwhile; a 201 is an acknowledgement.
    const lobbyRefusals: number[] = [];
    const lobbyClient = async () => {
      while (!stopped) {
        try {
          const r = await post<{ ticket: { id: string } }>(
            '/api/tickets',
            { customerId: null, intents: ['account_open'] },
            { authorization: `Bearer ${lobby}` },
          );
          if (r.status === 201) apiTickets.add(r.body.ticket.id);
          else lobbyRefusals.push(r.status);
        } catch (e) {
          if (!isConnectionError(e)) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    const lobbyDone = lobbyClient();
    // Awaited below; this only keeps a failure from counting as unhandled in the meantime.
    lobbyDone.catch(() => undefined);
    try {
      await Promise.all([killer(), ...clients.map(pusher)]);
    } finally {
      // Also on a failure: the other loops stop instead of retrying against a hub afterAll kills.
      stopped = true;
    }
    await lobbyDone;
    expect(killed).toBe(true);
    await restarted;
    const all = clients.flatMap((c) => c.events);
    expect(acked.size).toBe(all.length);
    expect(apiTickets.size).toBeGreaterThan(0);
    expect(lobbyRefusals.filter((s) => s !== 503)).toEqual([]);

    // Stop it hard once more, then read the file as the next start would.
    const c = child as ChildProcess;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
    const db = new Database(join(dataDir, 'branch.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        (db.prepare('SELECT id FROM ticket_events').all() as { id: string }[]).map((r) => r.id),
      );
      for (const id of acked) expect(ids.has(id)).toBe(true);
      const pushed = db
        .prepare(`SELECT count(*) AS n FROM ticket_events WHERE device_id LIKE 'kill-test-%'`)
        .get() as { n: number };
      expect(pushed.n).toBe(all.length);
      const journal = db
        .prepare(
          `SELECT count(*) AS n, count(DISTINCT id) AS d FROM outbox WHERE device_id LIKE 'kill-test-%'`,
        )
        .get() as {
        n: number;
        d: number;
      };
      expect(journal).toEqual({ n: all.length, d: all.length });
      const tickets = new Set(
        (db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id),
      );
      for (const id of apiTickets) expect(tickets.has(id)).toBe(true);

      // Each pushed ticket's stored state is the HLC replay of its events.
      const rows = db.prepare(`SELECT * FROM ticket_events WHERE device_id LIKE 'kill-test-%'`).all() as {
        id: string;
        ticket_id: string;
        type: string;
        at: number;
        staff_id: string | null;
        device_id: string;
        counter_id: string | null;
        payload: string;
        hlc: string;
      }[];
      const replay = replayInHlcOrder(
        rows.map((r) => ({
          hlc: r.hlc,
          event: {
            id: r.id,
            ticketId: r.ticket_id,
            type: r.type as TicketEvent['type'],
            at: r.at,
            staffId: r.staff_id,
            deviceId: r.device_id,
            counterId: r.counter_id,
            payload: JSON.parse(r.payload) as Record<string, unknown>,
          },
        })),
      );
      const states = db
        .prepare(
          `SELECT id, status, version FROM tickets WHERE id IN (SELECT ticket_id FROM ticket_events WHERE device_id LIKE 'kill-test-%')`,
        )
        .all() as {
        id: string;
        status: string;
        version: number;
      }[];
      expect(states).toHaveLength(replay.size);
      for (const s of states) {
        expect(s.status).toBe(replay.get(s.id)?.status);
        expect(s.version).toBe(replay.get(s.id)?.version);
      }
    } finally {
      db.close();
    }
  }, 240_000); // two cold starts of a tsx server and 10,000 events: minutes on a loaded 2-core machine
});
