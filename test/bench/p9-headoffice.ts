/**
 * P9_headoffice: the head office on PostgreSQL (a throwaway cluster with PostgreSQL's durable defaults) taking
 * pushes from 20 branches at once, then the cross-branch report over ≥ 10,000,000 journal events.
 *
 * - Ingest: `p9-client.ts` (its own process) runs 20 branch hubs pushing 10,000 events each in batches of 1,000
 *   through `POST /api/ho/push` of a head-office server process (`dist/server/cli.js --role headoffice`);
 *   events/s = events accepted ÷ wall time. Idempotency is checked by pushing one branch's batches again
 *   (0 accepted).
 * - History first: a year of events before the pushed days is loaded in bulk (not timed) by SQL, the way push
 *   stores events (journal rows and their daily rollup in one statement), so that the pushes above land in a
 *   journal of 10M events; then `GET /api/ho/report` for the whole history and for a 90-day range cut mid-day,
 *   5 times each after a warm-up: report_seconds is the slower median.
 *
 * BENCH_P9_HISTORY=N loads N events of history instead of 10M (a quick before/after of the ingest; the report
 * figure then does not count); BENCH_P9_PROF=DIR has the head-office server write a V8 CPU profile there
 * and the push clients under DIR/client (`--cpu-prof`, written when they stop; keep it out of git), and PostgreSQL's
 * side of the timed pushes: the statements by total time (pg_stat_statements) and what the backends waited on
 * (pg_stat_activity sampled every 20 ms) in DIR/pg-profile.txt.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHeadOffice, type HeadOfficeDb } from '../../electron/db/headoffice/connection';
import { HoKeys } from '../../electron/db/headoffice/keys';
import { waitHealthy } from './server-proc';
import { percentile, round } from './stats';
import type { Bench } from './types';
import { freePort } from './ports';

const BRANCHES = 20;
const PER_BRANCH = 10_000;
const BATCH = 1_000;
const REPORT_EVENTS = 10_000_000;
const HISTORY_EVENTS = Number(process.env.BENCH_P9_HISTORY ?? REPORT_EVENTS);
const PROF_DIR = process.env.BENCH_P9_PROF;
const DAY = 86_400_000;
const CLUSTER = join(process.cwd(), '.ci/pg-cluster.sh');

function pgInstalled(): boolean {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb')));
}

/** The rest of the year for each branch, journal rows and their rollup in one statement, as push keeps them. */
const BULK_SQL = `
WITH ins AS (
  INSERT INTO journal (id, branch_id, device_id, hlc, kind, entity_id, payload, received_at)
  SELECT 'hist-' || $2 || '-' || g, $1, 'hub-' || $2,
    lpad(($3::bigint + g * $4::bigint)::text, 13, '0') || ':' || lpad(to_hex(g % 65536), 4, '0') || ':hub-' || $2,
    CASE WHEN g % 20 < 12 THEN 'ticket_event' WHEN g % 20 < 15 THEN 'suggestion_outcome'
         WHEN g % 20 < 16 THEN 'follow_up' WHEN g % 20 < 17 THEN 'complaint' ELSE 'audit' END,
    'e-' || g,
    CASE WHEN g % 20 < 12 THEN jsonb_build_object('op', 'insert', 'type', (ARRAY['issue','call','start','finish'])[g % 4 + 1])
         WHEN g % 20 < 15 THEN jsonb_build_object('op', 'insert', 'outcome', (ARRAY['accepted','declined','interested'])[g % 3 + 1])
         WHEN g % 20 < 17 THEN jsonb_build_object('op', 'insert')
         ELSE jsonb_build_object('op', 'insert', 'action', 'customer.lookup') END,
    $3::bigint
  FROM generate_series(1, $5::bigint) g
  RETURNING branch_id, hlc, kind, payload
)
INSERT INTO journal_daily (branch_id, day, metric, n)
SELECT branch_id, day, metric, count(*) FROM (
  SELECT branch_id, (substring(hlc from 1 for 13)::bigint / 86400000)::integer AS day,
    CASE
      WHEN kind = 'ticket_event' AND payload->>'type' = 'issue' THEN 'issued'
      WHEN kind = 'ticket_event' AND payload->>'type' = 'finish' THEN 'done'
      WHEN kind = 'follow_up' AND payload->>'op' = 'insert' THEN 'follow_ups'
      WHEN kind = 'complaint' AND payload->>'op' = 'insert' THEN 'complaints'
      WHEN kind = 'suggestion_outcome' AND payload->>'outcome' IS NOT NULL THEN 'outcome:' || (payload->>'outcome')
    END AS metric
  FROM ins) x
WHERE metric IS NOT NULL
GROUP BY branch_id, day, metric
ON CONFLICT (branch_id, day, metric) DO UPDATE SET n = journal_daily.n + excluded.n`;

/** A child process's exit status and output, without blocking this process (the profile samples meanwhile). */
function spawnAsync(
  cmd: string,
  args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('error', reject);
    c.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface PgProfile {
  waits: Map<string, number>;
  stop: () => Promise<void>;
}

/** Statement statistics from zero, and a sampler of what the busy backends wait on (CPU when nothing). */
async function pgProfileStart(db: HeadOfficeDb): Promise<PgProfile> {
  await db.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.pool.query('SELECT pg_stat_statements_reset()');
  const waits = new Map<string, number>();
  let on = true;
  const loop = (async () => {
    while (on) {
      const r = await db.pool.query<{ w: string; n: number }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w, count(*)::int AS n
         FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
         GROUP BY 1`,
      );
      for (const x of r.rows) waits.set(x.w, (waits.get(x.w) ?? 0) + x.n);
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  return {
    waits,
    stop: async () => {
      on = false;
      await loop;
    },
  };
}

async function pgProfileWrite(db: HeadOfficeDb, p: PgProfile, dir: string): Promise<void> {
  await p.stop();
  const st = await db.pool.query<{ ms: number; calls: number; rows: number; wal_mb: number; query: string }>(
    `SELECT round(total_exec_time)::int AS ms, calls::int, rows::bigint AS rows,
       round(wal_bytes / 1048576.0, 1)::float AS wal_mb, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
  );
  const total = [...p.waits.values()].reduce((s, n) => s + n, 0) || 1;
  const lines = [
    'backends busy, by wait event (share of samples):',
    ...[...p.waits.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([w, n]) => `  ${((100 * n) / total).toFixed(1).padStart(5)}%  ${w}`),
    '',
    'statements by total time (ms, calls, rows, WAL MB):',
    ...st.rows.map(
      (r) =>
        `  ${String(r.ms).padStart(7)} ${String(r.calls).padStart(6)} ${String(r.rows).padStart(8)} ${String(r.wal_mb).padStart(7)}  ${r.query}`,
    ),
  ];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pg-profile.txt'), lines.join('\n') + '\n');
  process.stdout.write(lines.map((l) => `  ${l}`).join('\n') + '\n');
}

async function timeReport(url: string, admin: string, query: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/ho/report${query}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    if (res.status !== 200) throw new Error(`report ${res.status}: ${await res.text()}`);
    await res.json();
    if (i > 0) runs.push((performance.now() - t0) / 1000); // the first run warms the cache
  }
  return percentile(
    [...runs].sort((a, b) => a - b),
    50,
  );
}

export const p9HeadOffice: Bench = {
  key: 'P9_headoffice',
  describe: `head office on PostgreSQL: ${BRANCHES} branches pushing at once, report over ${REPORT_EVENTS / 1e6}M events`,
  run: async () => {
    if (!pgInstalled())
      throw new Error('PostgreSQL server binaries are not installed (apt-get install -y postgresql)');
    const dir = mkdtempSync(join(tmpdir(), 'bench-p9-'));
    const out = execFileSync('bash', [CLUSTER, 'start', dir], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PG_DURABLE: '1',
        ...(PROF_DIR ? { PG_OPTS: '-c shared_preload_libraries=pg_stat_statements' } : {}),
      },
    });
    const pgUrl = /TEST_PG_URL=(\S+)/.exec(out)?.[1] as string;
    const port = await freePort();
    const server = spawn(
      process.execPath,
      [
        ...(PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROF_DIR] : []),
        'dist/server/cli.js',
        '--role',
        'headoffice',
        '--pg',
        pgUrl,
        '--port',
        String(port),
        '--log-level',
        'warn',
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitHealthy(url, Date.now() + 60_000);
      const db = await openHeadOffice(pgUrl, { max: 4 });
      try {
        const keys = new HoKeys(db);
        const now = Date.now();
        const tokens: Record<string, string> = {};
        const ids: Record<string, string> = {};
        for (let b = 1; b <= BRANCHES; b++) {
          const code = `BR${String(b).padStart(3, '0')}`;
          ids[code] = await keys.addBranch(code, `支行 ${code}`, now);
          tokens[code] = (
            await keys.issue({ scope: 'branch', branchId: ids[code] as string }, 'bench', now)
          ).token;
        }
        const admin = (await keys.issue({ scope: 'admin' }, 'bench', now)).token;
        const wall0 = now - 2 * DAY;
        const push = (only?: string) => {
          const k = only ? { [only]: tokens[only] as string } : tokens;
          const r = spawnAsync(process.execPath, [
            ...(PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', `${PROF_DIR}/client`] : []),
            '--import',
            'tsx',
            'test/bench/p9-client.ts',
            JSON.stringify({ url, keys: k, perBranch: PER_BRANCH, batch: BATCH, wall0 }),
          ]);
          return r.then((out) => {
            if (out.status !== 0) throw new Error(`p9 client failed: ${out.stderr}`);
            return JSON.parse(out.stdout.trim().split('\n').pop() ?? '') as {
              events: number;
              accepted: number;
              seconds: number;
            };
          });
        };

        // First a year of history before the pushed days, spread evenly over the branches, so the timed pushes
        // land in a journal of the full size. Loaded the way any bulk load is (secondary indexes built once
        // afterwards); not timed.
        const perBranch = Math.max(1, Math.ceil((HISTORY_EVENTS - BRANCHES * PER_BRANCH) / BRANCHES));
        const step = Math.floor((365 * DAY) / perBranch);
        const t0 = performance.now();
        const idx = await db.pool.query<{ name: string; def: string }>(
          `SELECT indexname AS name, indexdef AS def FROM pg_indexes
           WHERE tablename = 'journal' AND indexname NOT IN ('journal_pkey')`,
        );
        const cons = await db.pool.query<{ name: string; def: string }>(
          `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE conrelid = 'journal'::regclass AND contype = 'u'`,
        );
        for (const c of cons.rows) await db.pool.query(`ALTER TABLE journal DROP CONSTRAINT ${c.name}`);
        const plain = idx.rows.filter((i) => !cons.rows.some((c) => c.name === i.name));
        for (const i of plain) await db.pool.query(`DROP INDEX ${i.name}`);
        for (const [code, id] of Object.entries(ids)) {
          await db.pool.query(BULK_SQL, [id, code, wall0 - 365 * DAY, step, perBranch]);
        }
        // The per-kind counts push keeps beside the journal (migration 0007), for the loaded rows.
        await db.pool.query(
          `INSERT INTO journal_kinds (branch_id, kind, n) SELECT branch_id, kind, count(*) FROM journal GROUP BY 1, 2
           ON CONFLICT (branch_id, kind) DO UPDATE SET n = excluded.n`,
        );
        await db.pool.query("SET maintenance_work_mem = '256MB'");
        for (const c of cons.rows)
          await db.pool.query(`ALTER TABLE journal ADD CONSTRAINT ${c.name} ${c.def}`);
        for (const i of plain) await db.pool.query(i.def);
        await db.pool.query('ANALYZE');
        // The load's dirty pages written out now, not by a checkpoint during the timed pushes: otherwise the pushes
        // paid for the untimed load (writes, and a full page image in the WAL for every page first touched after it).
        await db.pool.query('CHECKPOINT');
        process.stdout.write(
          `  history loaded (${round((performance.now() - t0) / 1000, 0)} s, not timed)\n`,
        );

        const prof = PROF_DIR ? await pgProfileStart(db) : null;
        const ingest = await push();
        if (prof && PROF_DIR) await pgProfileWrite(db, prof, PROF_DIR);
        const eventsPerS = Math.round(ingest.accepted / ingest.seconds);
        process.stdout.write(
          `  ingest: ${ingest.accepted.toLocaleString()} events in ${round(ingest.seconds, 2)} s into the full journal\n`,
        );
        const again = await push('BR001');
        process.stdout.write(
          `  the same ${again.events.toLocaleString()} events again: ${again.accepted} accepted\n`,
        );
        const total = Number(
          (await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM journal')).rows[0]?.n ?? 0,
        );
        const whole = await timeReport(url, admin, '');
        const from = Math.floor(wall0 / DAY) * DAY - 90 * DAY + 5 * 3_600_000;
        const ranged = await timeReport(url, admin, `?from=${from}&to=${wall0 + 7 * 3_600_000}`);
        process.stdout.write(
          `  report: whole history ${round(whole, 3)} s, 90 days cut mid-day ${round(ranged, 3)} s\n`,
        );
        const reportSeconds = round(Math.max(whole, ranged), 3);
        return {
          fields: {
            branches: BRANCHES,
            events_per_s: eventsPerS,
            report_events: total,
            report_seconds: reportSeconds,
          },
          checks: [
            {
              figure: 'events/s, 20 branches at once',
              target: '>= 20000',
              measured: String(eventsPerS),
              pass: eventsPerS >= 20_000,
            },
            {
              figure: 'same events pushed again',
              target: '0 accepted',
              measured: String(again.accepted),
              pass: again.accepted === 0,
            },
            {
              figure: 'events under the report',
              target: '>= 10000000',
              measured: String(total),
              pass: total >= REPORT_EVENTS,
            },
            {
              figure: 'report seconds (median)',
              target: '< 2',
              measured: String(reportSeconds),
              pass: reportSeconds < 2,
            },
          ],
        };
      } finally {
        await db.close();
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      execFileSync('bash', [CLUSTER, 'stop', dir], { stdio: 'ignore' });
    }
  },
};
