/**
 * `npx tsx test/bench/outreach-lists.ts [--customers 100000] [--runs 5]`: the daily outreach lists (客户经营) at the
 * scale of a large branch. A deterministic demo branch (the demo generator, seed DEMO_SEED) of N customers gets
 * 12 months of balance history (one snapshot a month, ~8 % of customers falling by 40 % or more, a few rising
 * through 5万 this month), maturity dates on time deposits, eight RMs owning every 高端/私行 and strategic/key
 * customer, and a contact log; then it times, in process (the app call the route makes, no HTTP):
 * one RM's list (`GET /api/outreach` as an RM), the manager's whole-branch list (`scope=all`), the manager's
 * figures with today's progress (`GET /api/outreach/figures`), and one RM's book. Medians of `--runs`, ms; and the
 * longest the event loop stood still while the manager's list was made (what every other request waited at worst).
 * BENCH.md has no key for this; the figure is reported beside it, not as one of its targets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { classifyTier } from '@shared/customer/tier';
import { defaultRulesConfig } from '@shared/config/schema';
import { startServer } from '../../electron/server/start';
import { hash3, unit3 } from '../../electron/db/demo/random';
import { round } from './stats';

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number) =>
  argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt;
const customers = arg('--customers', 100_000);
const runs = arg('--runs', 5);
/** Extra contacts spread over the last 365 days (a year of a busy branch's calls: 20 RMs × 15 a day ≈ 75,000). */
const yearContacts = arg('--year-contacts', 0);
const DAY = 86_400_000;
const MONTH = 30 * DAY;
/** A fixed start (2026-06-15 10:00 Beijing), then real time passing: the figure does not depend on the day. */
const NOW = Date.UTC(2026, 5, 15, 2);
const started = performance.now();
const clock = () => NOW + Math.floor(performance.now() - started);
const RMS = 8;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * The longest the event loop stood still while `fn` ran (ms): how long the lobby, the TV and every counter would
 * have waited for an answer from this server meanwhile. A 1 ms interval notes the longest gap between its ticks,
 * from before the call until a tick after it (the last stretch, or all of a call that never yields, counts too).
 */
async function longestStall(fn: () => Promise<unknown>): Promise<number> {
  const tick = () => new Promise((r) => setTimeout(r, 5));
  let last = performance.now();
  let max = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  await tick();
  max = 0;
  await fn();
  await tick();
  clearInterval(probe);
  return round(max, 1);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-outreach-'));
const t0 = performance.now();
const server = await startServer(
  {
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    role: 'hub',
    demo: true,
    demoCustomers: customers,
    logLevel: 'silent',
  },
  { staticDir: null, log: pino({ level: 'silent' }), now: clock },
);
const { ctx } = server;
const db = ctx.store.sqlite;
const seeded = (performance.now() - t0) / 1000;

// ── balance history, maturities, RMs, owners, contacts: deterministic from the customer's row number ──
const t1 = performance.now();
const tiers = defaultRulesConfig.customer.tiers;
const rows = db.prepare('SELECT id, aum_fen, created_at FROM customers ORDER BY id').all() as {
  id: string;
  aum_fen: number;
  created_at: number;
}[];
const snap = db.prepare(
  'INSERT OR REPLACE INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,NULL)',
);
let snapshots = 0;
db.transaction(() => {
  rows.forEach((c, i) => {
    const falls = unit3(i, 1, 7) < 0.08;
    const rises = unit3(i, 2, 7) < 0.01;
    for (let m = 11; m >= 0; m--) {
      const asOf = NOW - m * MONTH - 5 * DAY;
      if (asOf < c.created_at) continue;
      // Months ago → a balance that drifts to today's; fallers were 1.8× higher before the last two months.
      let fen = Math.round(c.aum_fen * (0.9 + 0.2 * unit3(i, m, 11)));
      if (m === 0) fen = c.aum_fen;
      if (falls && m >= 2) fen = Math.round(c.aum_fen * 1.8);
      if (rises && m >= 1) fen = Math.min(fen, 4_500_000);
      if (rises && m === 0) fen = Math.max(c.aum_fen, 5_200_000);
      snap.run(c.id, asOf, fen, classifyTier(fen, tiers).tier);
      snapshots++;
    }
  });
})();
db.prepare(
  `UPDATE holdings SET maturity_at = ? + (abs(hash) % 120) * ${DAY}
   FROM (SELECT id AS hid, unicode(substr(id, -1)) * 7919 + unicode(substr(id, -2, 1)) AS hash FROM holdings)
   WHERE holdings.id = hid AND product_type = 'time_deposit'`,
).run(NOW - 10 * DAY);
const rm1 = db.prepare(`SELECT * FROM staff WHERE username = 'rm1'`).get() as Record<string, unknown>;
const rmIds = [String(rm1.id)];
for (let k = 2; k <= RMS; k++) {
  const id = `bench-rm-${k}`;
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, password_hash, counter_id, active, failed_logins,
       locked_until, created_at, updated_at) VALUES (?,?,?,?,?,NULL,1,0,NULL,?,?)`,
  ).run(id, `rm${k}`, `客户经理${k}`, 'rm', String(rm1.password_hash), NOW, NOW);
  rmIds.push(id);
}
const valuable = db
  .prepare(
    `SELECT id FROM customers WHERE (kind = 'individual' AND tier IN ('high', 'private'))
       OR (kind = 'corporate' AND corporate_grade IN ('strategic', 'key')) ORDER BY id`,
  )
  .all() as { id: string }[];
const own = db.prepare(
  `INSERT OR REPLACE INTO customer_owners (customer_id, owner_id, backup_id, source, assigned_by, assigned_at)
   VALUES (?,?,?,'import',NULL,?)`,
);
const contact = db.prepare(
  `INSERT INTO contacts (id, customer_id, staff_id, at, branch_day, channel, result, rule, reason, note, next_step,
     next_at, churn_reason, aum_fen) VALUES (?,?,?,?,?,?,?,?,NULL,NULL,NULL,NULL,NULL,?)`,
);
const contactYear = db.prepare(
  `INSERT INTO contacts (id, customer_id, staff_id, at, branch_day, channel, result, rule, reason, note, next_step,
     next_at, churn_reason, aum_fen) VALUES (?,?,?,?,?,?,?,?,NULL,NULL,NULL,?,NULL,?)`,
);
let contacts = 0;
db.transaction(() => {
  valuable.forEach((c, i) => {
    const owner = rmIds[i % RMS] as string;
    own.run(c.id, owner, rmIds[(i + 1) % RMS] ?? null, NOW - (400 - (hash3(i, 3, 5) % 380)) * DAY);
    // Two in three have been called in the last 120 days, one call each.
    if (unit3(i, 4, 5) < 0.66) {
      const at = NOW - (1 + (hash3(i, 6, 5) % 120)) * DAY;
      const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
      contact.run(`bench-c-${i}`, c.id, owner, at, day, 'phone', 'reached', 'periodic', 0);
      contacts++;
    }
  });
  // A year of logged contacts on the owned customers: several per customer, a third with a next contact planned.
  const rules = ['periodic', 'maturity', 'churnRisk', 'crossed'];
  for (let k = 0; k < yearContacts && valuable.length > 0; k++) {
    const c = valuable[k % valuable.length] as { id: string };
    const at = NOW - (1 + (hash3(k, 7, 11) % 365)) * DAY - (hash3(k, 8, 11) % 28_800_000);
    const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    contactYear.run(
      `bench-y-${k}`,
      c.id,
      rmIds[k % RMS] as string,
      at,
      day,
      'phone',
      'reached',
      rules[k % rules.length] as string,
      k % 3 === 0 ? at + 30 * DAY : null,
      0,
    );
    contacts++;
  }
})();
db.pragma('optimize');
const generated = (performance.now() - t1) / 1000;

// ── the timings ──
const rm = { id: rmIds[0] as string, role: 'rm' as const };
const manager = { id: 'bench-manager', role: 'manager' as const };
const measure = async (fn: () => unknown) => {
  await fn(); // warm: statements prepared, pages cached (the server runs all day)
  const xs: number[] = [];
  for (let r = 0; r < runs; r++) xs.push((await time(fn)).ms);
  return round(median(xs), 1);
};
const rmList = await ctx.outreach.list({}, rm);
// The day's first whole-branch list reads every input (a page at a time); later ones reuse them.
let allList = { items: [] as unknown[] };
const firstStall = await longestStall(async () => {
  allList = await ctx.outreach.list({ scope: 'all' }, manager);
});
const result = {
  customers: rows.length,
  snapshots,
  owned: valuable.length,
  contacts,
  rm_items: rmList.items.length,
  branch_items: allList.items.length,
  rm_list_ms: await measure(() => ctx.outreach.list({}, rm)),
  manager_list_ms: await measure(() => ctx.outreach.list({ scope: 'all' }, manager)),
  manager_first_list_longest_stall_ms: firstStall,
  manager_list_longest_stall_ms: await longestStall(() => ctx.outreach.list({ scope: 'all' }, manager)),
  manager_figures_ms: await measure(() => ctx.outreach.figures({}, manager)),
  rm_book_ms: await measure(() => ctx.outreach.book(rm.id)),
  rm_list_longest_stall_ms: await longestStall(() => ctx.outreach.list({}, rm)),
  rm_book_longest_stall_ms: await longestStall(() => ctx.outreach.book(rm.id)),
  manager_figures_longest_stall_ms: await longestStall(() => ctx.outreach.figures({}, manager)),
  seed_s: round(seeded, 1),
  generate_s: round(generated, 1),
};
console.log(JSON.stringify(result, null, 2));
await server.close();
rmSync(dir, { recursive: true, force: true });
