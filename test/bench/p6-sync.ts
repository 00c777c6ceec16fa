import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncStatus } from '@shared/sync/api';
import { branchDay, type TicketEvent } from '@shared/queue';
import { defaultSyncConfig } from '@shared/sync/config';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { HlcClock } from '@shared/sync/hlc';
import { walkInEnvelopes } from '../fault/walk-in-journal';
import { round } from './stats';
import { waitHealthy } from './server-proc';
import type { Bench } from './types';
import { freePort } from './ports';

const OFFLINE_EVENTS = 500;
const BULK_EVENTS = 100_000;
const PUSH_BATCH = defaultSyncConfig.pushBatch;

interface Proc {
  child: ChildProcess;
  url: string;
  stop: () => Promise<void>;
}

function spawnServe(args: string[], port: number): Proc {
  const child = spawn(
    process.execPath,
    ['dist/server/cli.js', '--port', String(port), '--log-level', 'warn', '--no-backup-schedule', ...args],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

async function call<T>(
  url: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

async function until(pred: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await pred().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A terminal's journal as it would push it: walk-ins issued, called, recalled, served and finished. */
function bulkJournal(
  deviceId: string,
  numbers: number[],
  counterId: string,
  day: string,
  size: number,
): SyncEnvelope[] {
  const clock = new HlcClock(deviceId, Date.now, 60_000);
  const out: SyncEnvelope[] = [];
  const types: TicketEvent['type'][] = ['issue', 'call', 'recall', 'start', 'finish'];
  for (let k = 0; out.length < size; k++)
    out.push(...walkInEnvelopes(clock, deviceId, counterId, day, numbers[k] as number, types));
  return out;
}

/**
 * The terminal (its own `serve` process with its own SQLite) serves while the hub process is stopped; the hub is
 * started again on the same port and the clock runs from its first healthy answer until the terminal's outbox
 * is empty, i.e. every offline event is held by the hub.
 */
export const p6Sync: Bench = {
  key: 'P6_sync',
  describe: `terminal offline journal (${OFFLINE_EVENTS} events) → hub after reconnect; push of a ${BULK_EVENTS}-event journal`,
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-p6-'));
    const hubPort = await freePort();
    const termPort = await freePort();
    const hubArgs = ['--data', join(dir, 'hub'), '--demo-customers', '500'];
    let hub = spawnServe(hubArgs, hubPort);
    const term = spawnServe(
      [
        '--role',
        'terminal',
        '--hub',
        hub.url,
        '--data',
        join(dir, 'term'),
        '--enroll-user',
        'manager1',
        '--enroll-password',
        'demo1234',
      ],
      termPort,
    );
    try {
      await waitHealthy(hub.url, Date.now() + 120_000);
      await waitHealthy(term.url, Date.now() + 120_000);
      // Staff reach the terminal with its first snapshot.
      let token = '';
      await until(
        async () => {
          token = (
            await call<{ token: string }>(term.url, 'POST', '/api/session', null, {
              username: 'teller1',
              password: 'demo1234',
            })
          ).token;
          return true;
        },
        'login at the terminal',
        60_000,
      );
      const status = () => call<SyncStatus>(term.url, 'GET', '/api/sync/status', token);
      await until(async () => (await status()).phase === 'online', 'terminal online', 60_000);
      const counters = (
        await call<{ counters: { id: string }[] }>(term.url, 'GET', '/api/counters', token)
      ).counters.map((c) => c.id);

      const goOffline = async () => {
        await hub.stop();
        await until(async () => !(await status()).online, 'terminal offline', 30_000);
      };
      const reconnect = async (expected: number): Promise<number> => {
        hub = spawnServe(hubArgs, hubPort);
        await waitHealthy(hub.url, Date.now() + 60_000);
        const t0 = performance.now();
        const wall = Date.now();
        await until(async () => (await status()).pending === 0, 'outbox drained', 300_000);
        const seconds = (performance.now() - t0) / 1000;
        // The reconnect's count is reported when its whole cycle (push, pull, blocks) is done.
        let s = await status();
        await until(
          async () => {
            s = await status();
            return (s.lastReconnect?.at ?? 0) >= wall;
          },
          'reconnect reported',
          30_000,
        );
        if ((s.lastReconnect?.pushed ?? 0) < expected)
          throw new Error(`reconnect pushed ${s.lastReconnect?.pushed ?? 0}, expected ${expected}`);
        return seconds;
      };

      // 1. Five hundred events of a counter working through an outage: 100 walk-ins, issue → finish.
      await goOffline();
      const steps = ['call', 'recall', 'start', 'finish'];
      for (let i = 0; i < OFFLINE_EVENTS / (steps.length + 1); i++) {
        const { ticket } = await call<{ ticket: { id: string } }>(term.url, 'POST', '/api/tickets', token, {
          customerId: null,
          intents: ['account_open'],
        });
        for (const type of steps)
          await call(term.url, 'POST', `/api/tickets/${ticket.id}/events`, token, {
            type,
            counterId: counters[0],
          });
      }
      if ((await status()).pending !== OFFLINE_EVENTS) throw new Error('offline journal is not 500 events');
      const reconnectS = await reconnect(OFFLINE_EVENTS);

      // 2. Push throughput with a large journal: 4,000 tickets × 5 events from one enrolled device, numbered
      //    from blocks the hub reserved for it, pushed in the replicator's batch size, one batch at a time.
      const enrolled = await call<{ token: string }>(hub.url, 'POST', '/api/sync/enroll', null, {
        username: 'manager1',
        password: 'demo1234',
        deviceId: 'bench-bulk',
      });
      const device = { 'x-device-token': enrolled.token, 'content-type': 'application/json' };
      const day = branchDay(Date.now(), 'Asia/Shanghai');
      const perTicket = 5;
      let grants: { start: number; end: number }[] = [];
      for (let i = 0; i < BULK_EVENTS / perTicket / 100; i++) {
        const res = await fetch(`${hub.url}/api/sync/blocks`, {
          method: 'POST',
          headers: device,
          body: JSON.stringify({ branchDay: day, queues: ['individual'] }),
        });
        grants = ((await res.json()) as { blocks: { start: number; end: number }[] }).blocks;
      }
      const numbers = grants.flatMap((b) =>
        Array.from({ length: b.end - b.start + 1 }, (_, i) => b.start + i),
      );
      const journal = bulkJournal('bench-bulk', numbers, counters[0] as string, day, BULK_EVENTS);
      const t0 = performance.now();
      for (let i = 0; i < journal.length; i += PUSH_BATCH) {
        const res = await fetch(`${hub.url}/api/sync/push`, {
          method: 'POST',
          headers: device,
          body: JSON.stringify({ events: journal.slice(i, i + PUSH_BATCH) }),
        });
        const r = (await res.json()) as { acked: string[]; applied: number };
        if (!res.ok || r.applied !== Math.min(PUSH_BATCH, journal.length - i))
          throw new Error(`bulk push answered ${res.status}: ${JSON.stringify(r).slice(0, 200)}`);
      }
      const bulkS = (performance.now() - t0) / 1000;
      const bulk = journal.length;
      const perS = Math.round(bulk / bulkS);

      return {
        fields: {
          offline_events: OFFLINE_EVENTS,
          reconnect_s: round(reconnectS, 3),
          bulk_events_per_s: perS,
        },
        checks: [
          {
            figure: `reconnect_s (${OFFLINE_EVENTS} offline events)`,
            target: '< 2',
            measured: String(round(reconnectS, 3)),
            pass: reconnectS < 2,
          },
          {
            figure: `bulk_events_per_s (${bulk} events)`,
            target: 'reported',
            measured: String(perS),
            pass: perS > 0,
          },
        ],
      };
    } finally {
      await term.stop();
      await hub.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(dir, 'hub') + '.keys', { recursive: true, force: true });
      rmSync(join(dir, 'term') + '.keys', { recursive: true, force: true });
    }
  },
};
