import { afterEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../connection';
import { seedHistory } from '../demo/history';
import { seedBranch, seedCustomers } from '../demo/seed';
import { daysBefore } from '../demo/visits';
import { Pii, testKeys } from '../pii';
import { ReportRepo, targetSql } from './reports';

const NOW = Date.UTC(2026, 10, 25, 6, 30);
const OFFSET = 8 * 3_600_000;
const FROM = '2026-11-10';
const TO = '2026-11-25';
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

async function branch(): Promise<Store> {
  const store = await openStore(':memory:');
  stores.push(store);
  seedBranch(store, defaultRulesConfig, 'x', NOW - 90 * 86_400_000);
  seedCustomers(store, new Pii(testKeys()), defaultRulesConfig, { count: 200, seed: 3, now: NOW });
  seedHistory(store, defaultRulesConfig, {
    days: [...daysBefore('2026-11-25', 14), '2026-11-25'],
    perDay: 40,
    seed: 9,
    until: NOW,
  });
  return store;
}

/** The same figures straight from ticket_facts and suggestion_outcomes, no rollup. */
function raw(store: Store, vipMs: number) {
  const db = store.sqlite;
  const perDay = db
    .prepare(
      `SELECT day, count(*) AS arrived, sum(outcome = 'served') AS served,
         sum(outcome = 'served' AND wait_ms <= CASE queue WHEN 'vip' THEN ? ELSE 600000 END) AS slMet,
         sum(CASE WHEN outcome = 'served' THEN service_ms END) AS serviceSum
       FROM ticket_facts WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
    )
    .all(vipMs, FROM, TO);
  const products = db
    .prepare(
      `SELECT product_code AS key, outcome, sum(CASE WHEN undoes_id IS NULL THEN 1 ELSE -1 END) AS n
       FROM suggestion_outcomes WHERE at >= ? AND at < ? GROUP BY 1, 2 HAVING n <> 0 ORDER BY 1, 2`,
    )
    .all(Date.parse(`${FROM}T00:00:00+08:00`), Date.parse(`${TO}T00:00:00+08:00`) + 86_400_000);
  return { perDay, products };
}

function rolled(repo: ReportRepo, vipMs: number) {
  repo.refresh(FROM, TO, targetSql([{ queue: 'vip', ms: vipMs }], 600_000), OFFSET);
  const perDay = repo.byDay(FROM, TO).map((d) => ({
    day: d.day,
    arrived: d.sums.arrived,
    served: d.sums.served,
    slMet: d.sums.slMet,
    serviceSum: d.sums.serviceSum,
  }));
  const products = repo
    .outcomes(FROM, TO, 'product')
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '') || a.outcome.localeCompare(b.outcome));
  return { perDay, products };
}

describe('report rollups (migration 0020)', () => {
  it('give the figures a scan of the facts gives, and follow new facts, outcomes and other SL targets', async () => {
    const store = await branch();
    const repo = new ReportRepo(store);
    expect(rolled(repo, 300_000)).toEqual(raw(store, 300_000));
    const heat = repo.heat(FROM, TO).reduce((s, h) => s + h.n, 0);
    expect(heat).toBe(
      store.sqlite
        .prepare('SELECT count(*) FROM ticket_facts WHERE day BETWEEN ? AND ?')
        .pluck()
        .get(FROM, TO),
    );
    // Nothing changed: nothing is rebuilt.
    expect(repo.refresh(FROM, TO, targetSql([{ queue: 'vip', ms: 300_000 }], 600_000), OFFSET)).toBe(0);

    // A late change to a past day's fact and a new outcome: those days are rebuilt, and only those.
    const db = store.sqlite;
    db.prepare(
      `UPDATE ticket_facts SET outcome = 'no_show' WHERE ticket_id = (
      SELECT ticket_id FROM ticket_facts WHERE day = '2026-11-12' AND outcome = 'served' LIMIT 1)`,
    ).run();
    const any = db.prepare('SELECT customer_id, staff_id FROM suggestion_outcomes LIMIT 1').get() as {
      customer_id: string;
      staff_id: string;
    };
    db.prepare(
      `INSERT INTO suggestion_outcomes (id, customer_id, product_code, outcome, staff_id, at) VALUES ('o-late', ?, 'WM_NEW', 'accepted', ?, ?)`,
    ).run(any.customer_id, any.staff_id, Date.parse('2026-11-20T10:00:00+08:00'));
    // 2026-11-12, and the outcome's UTC date with a day either side (any zone's branch day is among them).
    expect(repo.refresh(FROM, TO, targetSql([{ queue: 'vip', ms: 300_000 }], 600_000), OFFSET)).toBe(4);
    expect(rolled(repo, 300_000)).toEqual(raw(store, 300_000));
    const accepted = () => repo.outcomes(FROM, TO, 'product').find((o) => o.key === 'WM_NEW')?.n ?? 0;
    expect(accepted()).toBe(1);
    // The teller undoes it (a compensating row, later the same day): it no longer counts, here as at the head office.
    db.prepare(
      `INSERT INTO suggestion_outcomes (id, customer_id, product_code, outcome, staff_id, at, undoes_id)
       VALUES ('o-undo', ?, 'WM_NEW', 'accepted', ?, ?, 'o-late')`,
    ).run(any.customer_id, any.staff_id, Date.parse('2026-11-20T10:02:00+08:00'));
    repo.refresh(FROM, TO, targetSql([{ queue: 'vip', ms: 300_000 }], 600_000), OFFSET);
    expect(accepted()).toBe(0);
    expect(rolled(repo, 300_000)).toEqual(raw(store, 300_000));
    // Another SL target: every day again, with the new count.
    expect(rolled(repo, 60_000)).toEqual(raw(store, 60_000));
    expect(repo.refresh(FROM, TO, targetSql([{ queue: 'vip', ms: 60_000 }], 600_000), OFFSET)).toBe(0);
  });
});
