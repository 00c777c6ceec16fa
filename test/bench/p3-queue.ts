import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/db/connection';
import { CounterRepo } from '../../electron/db/repos/counters';
import { StaffRepo } from '../../electron/db/repos/staff';
import { newId } from '../../electron/db/ids';
import { loginToken, startServerProc } from './server-proc';
import type { Bench } from './types';

const CLIENTS = 20;
const SECONDS = 10;

export const p3Queue: Bench = {
  key: 'P3_queue',
  describe: `${CLIENTS} clients × ${SECONDS} s of ticket events through the API; commit → WebSocket latency`,
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-p3-'));
    const dataDir = join(dir, 'data');
    try {
      // Seed a small demo branch, then give each load client its own counter and its own teller signed in there: a
      // teller acts only on their own counter (Step 9), as at a real branch.
      let server = await startServerProc(dataDir, ['--demo-customers', '200']);
      await server.stop();
      const store = await openStore(join(dataDir, 'branch.db'));
      const repo = new CounterRepo(store);
      const branchId = repo.branchId();
      const staff = new StaffRepo(store);
      const teller = staff.list().find((x) => x.username === 'teller1');
      if (!teller) throw new Error('the demo branch has no teller1');
      const counters: string[] = [];
      const tellers: string[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const counterId = repo.insert(
          {
            branchId,
            number: 200 + i,
            name: `负载${i}`,
            channel: 'counter',
            queues: ['individual'],
            corporateOnly: false,
            open: true,
            staffState: 'serving',
          },
          Date.now(),
        );
        const username = `load${i}`;
        // The demo teller's password hash: the same password, no key derivation per teller here.
        staff.insert({
          ...teller,
          id: newId(),
          username,
          display_name: `负载柜员${i}`,
          counter_id: counterId,
        });
        counters.push(counterId);
        tellers.push(username);
      }
      store.close();
      server = await startServerProc(dataDir);
      try {
        const tokens: string[] = [];
        for (const t of tellers) tokens.push(await loginToken(server.url, t));
        const load = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            'test/bench/p3-load.ts',
            server.url,
            String(SECONDS),
            JSON.stringify(counters.map((counterId, i) => ({ counterId, token: tokens[i] }))),
          ],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 20,
          },
        );
        if (load.status !== 0) throw new Error(`load process failed: ${load.stderr}`);
        const r = JSON.parse(load.stdout.trim().split('\n').at(-1) ?? '{}') as {
          events: number;
          errors: number;
          events_per_s: number;
          push_p99_ms: number;
          push_p50_ms: number;
        };
        return {
          fields: { clients: CLIENTS, events_per_s: r.events_per_s, push_p99_ms: r.push_p99_ms },
          checks: [
            {
              figure: `events_per_s (${r.events} ok, ${r.errors} refused)`,
              target: '≥ 2000',
              measured: String(r.events_per_s),
              // A refused step is a broken load: run as one teller at twenty counters, every call-next was refused and only the issues counted.
              pass: r.events_per_s >= 2000 && r.errors === 0,
            },
            {
              figure: `push_p99_ms (p50 ${r.push_p50_ms})`,
              target: '< 50',
              measured: String(r.push_p99_ms),
              pass: r.push_p99_ms < 50,
            },
          ],
        };
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
