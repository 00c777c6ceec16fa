/**
 * P1_lookup: a walk-in looked up by ID number, card number or phone through the HTTP API on a
 * 1,000,000-customer branch, from a separate client process; in the same run the floor (/api/health
 * with the same client) and the raw better-sqlite3 query.
 *
 * The data set is seeded into a temp dir (`npm run seed -- --customers 1000000`, ~1–2 min) and removed
 * afterwards; BENCH_P1_DATA=DIR reuses a seeded data dir (kept; a smaller one for a profile, BENCH_P1_PROF). With `--busy` the client runs a second
 * time beside one spinning process (ratio_p50_busy).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeys, Pii } from '../../electron/db/pii';
import { round, summarize, timeCallsUs } from './stats';
import { startHog } from './hog';
import { loginToken, startServerProc } from './server-proc';
import type { Bench } from './types';

export const P1_CUSTOMERS = 1_000_000;
/** BENCH_P1_PROF=DIR: the server writes a V8 CPU profile there when it stops (`--cpu-prof`; keep it out of git). */
const PROF_DIR = process.env.BENCH_P1_PROF;
const root = process.cwd();

function seed(dataDir: string, customers: number): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/seed.ts', '--customers', String(customers), '--data', dataDir],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`seeding failed (${r.status})`);
  process.stdout.write('\n');
}

interface Sample {
  queries: string[];
  hashes: { kind: 'id' | 'phone' | 'card'; hash: string }[];
}

/** Real numbers of random customers, decrypted with the branch's keys (the bench knows them, a client would type them). */
function sampleQueries(dataDir: string, n: number): Sample {
  const db = new Database(join(dataDir, 'branch.db'), { readonly: true });
  const pii = new Pii(loadOrCreateKeys(`${dataDir}.keys/pii.key`));
  const max = db.prepare('SELECT max(rowid) FROM customers').pluck().get() as number;
  const byRowid = db.prepare(
    `SELECT c.id_enc, c.id_hash, c.phone_enc, c.phone_hash, k.card_enc, k.card_hash FROM customers c
     LEFT JOIN cards k ON k.customer_id = c.id WHERE c.rowid = ? LIMIT 1`,
  );
  const queries: string[] = [];
  const hashes: Sample['hashes'] = [];
  let x = 12345;
  while (queries.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const r = byRowid.get(1 + (x % max)) as
      | {
          id_enc: string | null;
          id_hash: string | null;
          phone_enc: string;
          phone_hash: string;
          card_enc: string | null;
          card_hash: string | null;
        }
      | undefined;
    if (!r) continue;
    const k = queries.length % 3;
    if (k === 0 && r.id_enc && r.id_hash) {
      queries.push(pii.decrypt(r.id_enc));
      hashes.push({ kind: 'id', hash: r.id_hash });
    } else if (k === 1 && r.card_enc && r.card_hash) {
      queries.push(pii.decrypt(r.card_enc));
      hashes.push({ kind: 'card', hash: r.card_hash });
    } else if (k === 2) {
      queries.push(pii.decrypt(r.phone_enc));
      hashes.push({ kind: 'phone', hash: r.phone_hash });
    }
  }
  db.close();
  return { queries, hashes };
}

/** The lookup's own query on better-sqlite3, hashes precomputed: the database's share of a lookup, in µs. */
function rawLookupUs(dataDir: string, hashes: Sample['hashes']): number[] {
  const db = new Database(join(dataDir, 'branch.db'), { readonly: true });
  const cols = 'id, customer_no, kind, name, id_masked, phone_masked, aum_fen, tier, segments';
  const byId = db.prepare(`SELECT ${cols} FROM customers WHERE id_hash = ?`);
  const byPhone = db.prepare(`SELECT ${cols} FROM customers WHERE phone_hash = ? LIMIT 20`);
  const byCard = db.prepare(
    `SELECT ${cols
      .split(', ')
      .map((c) => `customers.${c}`)
      .join(
        ', ',
      )} FROM cards INNER JOIN customers ON customers.id = cards.customer_id WHERE cards.card_hash = ?`,
  );
  const us = timeCallsUs(
    (i) => {
      const h = hashes[i % hashes.length] as Sample['hashes'][number];
      return (h.kind === 'id' ? byId : h.kind === 'phone' ? byPhone : byCard).all(h.hash);
    },
    20_000,
    5_000,
  );
  db.close();
  return us;
}

interface ClientResult {
  health: number[];
  lookup: number[];
  errors: number;
}

/** The load client as its own process (test/bench/p1-client.ts), so its work is not the server's. */
function runClient(cfgFile: string): ClientResult {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/p1-client.ts', cfgFile], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`P1 client failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as ClientResult;
}

export const p1Lookup: Bench = {
  key: 'P1_lookup',
  describe: 'walk-in lookup by ID / card / phone over HTTP on 1M customers, vs /api/health and raw SQLite',
  run: async (opts) => {
    const keep = process.env.BENCH_P1_DATA;
    const tmp = keep ? null : mkdtempSync(join(tmpdir(), 'bench-p1-'));
    const dataDir = keep ?? join(tmp as string, 'data');
    try {
      if (!existsSync(join(dataDir, 'branch.db'))) seed(dataDir, P1_CUSTOMERS);
      const db = new Database(join(dataDir, 'branch.db'), { readonly: true });
      const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
      db.close();
      const sample = sampleQueries(dataDir, 3000);
      const server = await startServerProc(dataDir, ['--no-demo'], { profDir: PROF_DIR });
      const url = server.url;
      let client: ClientResult;
      let busy: ClientResult | null = null;
      try {
        const token = await loginToken(url, 'lobby1');
        const cfgFile = join(tmp ?? tmpdir(), `p1-client-${new URL(url).port}.json`);
        writeFileSync(
          cfgFile,
          JSON.stringify({ url, token, queries: sample.queries, warmup: 3000, rounds: 10, perRound: 1000 }),
        );
        try {
          client = runClient(cfgFile);
          if (opts.busy) {
            const stopHog = await startHog();
            try {
              busy = runClient(cfgFile);
            } finally {
              await stopHog();
            }
          }
        } finally {
          rmSync(cfgFile, { force: true });
        }
      } finally {
        await server.stop();
      }
      if (client.errors + (busy?.errors ?? 0) > 0) throw new Error('some lookups did not answer 200');
      const raw = summarize(rawLookupUs(dataDir, sample.hashes));
      const look = summarize(client.lookup);
      const floor = summarize(client.health);
      const p50 = round(look.p50, 3);
      const p99 = round(look.p99, 3);
      const floorP50 = round(floor.p50, 3);
      const ratio = round(look.p50 / floor.p50, 2);
      const busyLook = busy ? summarize(busy.lookup) : null;
      const busyFloor = busy ? summarize(busy.health) : null;
      const ratioBusy = busyLook && busyFloor ? round(busyLook.p50 / busyFloor.p50, 2) : null;
      return {
        fields: {
          customers,
          p50_ms: p50,
          p99_ms: p99,
          floor_p50_ms: floorP50,
          raw_p50_us: round(raw.p50, 1),
          ratio_p50: ratio,
          ...(ratioBusy === null ? {} : { ratio_p50_busy: ratioBusy }),
        },
        checks: [
          {
            figure: 'customers',
            target: '1000000',
            measured: String(customers),
            pass: customers >= P1_CUSTOMERS,
          },
          { figure: `lookup p50 ms (${look.n} reqs)`, target: '', measured: String(p50), pass: true },
          { figure: 'lookup p99 ms', target: '< 5', measured: String(p99), pass: p99 < 5 },
          { figure: 'floor p50 ms (/api/health)', target: '', measured: String(floorP50), pass: true },
          { figure: 'raw SQLite p50 µs', target: '', measured: String(round(raw.p50, 1)), pass: true },
          {
            figure: 'ratio p50 (lookup / floor)',
            target: '<= 1.3',
            measured: String(ratio),
            pass: ratio <= 1.3,
          },
          ...(ratioBusy === null || !busyLook || !busyFloor
            ? []
            : [
                {
                  figure: 'beside a CPU hog: lookup p50 ms / floor p50 ms',
                  target: '',
                  measured: `${round(busyLook.p50, 3)} / ${round(busyFloor.p50, 3)}`,
                  pass: true,
                },
                {
                  figure: 'ratio p50 beside a CPU hog',
                  target: '<= 1.3',
                  measured: String(ratioBusy),
                  pass: ratioBusy <= 1.3,
                },
              ]),
        ],
      };
    } finally {
      if (tmp) {
        rmSync(tmp, { recursive: true, force: true });
        rmSync(`${join(tmp, 'data')}.keys`, { recursive: true, force: true });
      }
    }
  },
};
