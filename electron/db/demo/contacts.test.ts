import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { outreachHits } from '@shared/outreach/rules';
import type { OutreachCustomer } from '@shared/outreach/types';
import { branchDay } from '@shared/queue/numbering';
import type { Store } from '../connection';
import { outreachBaseFromRow, type OutreachBaseRow } from '../convert/outreach';
import type { ContactTable, CustomerOwnerTable } from '../schema-relations';
import { demoBranches } from './branch.fixtures';
import { seedContacts } from './contacts';
import { OWNED_FOR_DAYS, seedOwners } from './owners';
import { SHOWCASE } from './showcase';

const NOW = Date.UTC(2026, 10, 25, 6, 30);
const DAY = 86_400_000;
const TZ = defaultRulesConfig.branch.timezone;
const newBranch = demoBranches(NOW, 1500, 90);
async function branch(): Promise<Store> {
  const store = await newBranch();
  seedOwners(store, defaultRulesConfig, NOW);
  return store;
}

/** A contact row with its customer's number and owner. */
type Contact = Pick<
  ContactTable,
  | 'customer_id'
  | 'staff_id'
  | 'at'
  | 'branch_day'
  | 'channel'
  | 'result'
  | 'rule'
  | 'reason'
  | 'next_step'
  | 'next_at'
> &
  Pick<CustomerOwnerTable, 'owner_id' | 'assigned_at'> & { customer_no: string };

const contacts = (s: Store) =>
  s.sqlite
    .prepare<[], Contact>(
      `SELECT c.customer_no, t.customer_id, t.staff_id, o.owner_id, o.assigned_at, t.at, t.branch_day, t.channel,
         t.result, t.rule, t.reason, t.next_step, t.next_at
       FROM contacts t JOIN customers c ON c.id = t.customer_id
       JOIN customer_owners o ON o.customer_id = t.customer_id ORDER BY c.customer_no, t.at`,
    )
    .all();

describe('seedContacts', () => {
  it('writes each owned customer’s calls by their RM since the book was handed out, on weekdays in working hours', async () => {
    const store = await branch();
    const written = seedContacts(store, defaultRulesConfig, NOW, 7);
    const all = contacts(store);
    expect(written).toBe(all.length);
    expect(all.length).toBeGreaterThan(50);
    const { channels, results } = defaultRulesConfig.outreach;
    for (const c of all) {
      expect(c.staff_id).toBe(c.owner_id);
      expect(c.at).toBeGreaterThanOrEqual(c.assigned_at);
      expect(c.at).toBeLessThanOrEqual(NOW);
      expect(c.branch_day).toBe(branchDay(c.at, TZ));
      // 10:00–17:00 Beijing time (UTC+8), Monday to Friday.
      const local = new Date(c.at + 8 * 3_600_000);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(10);
      expect(local.getUTCHours()).toBeLessThan(17);
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
      expect(channels.map((x) => x.key)).toContain(c.channel);
      expect(results.map((x) => x.key)).toContain(c.result);
    }
    // The book was handed out OWNED_FOR_DAYS ago: calls go back that far.
    expect(Math.min(...all.map((c) => c.at))).toBeLessThan(NOW - (OWNED_FOR_DAYS - 30) * DAY);
    // A call carries its list's words (定期回访, or 沉睡唤醒 for a dormant customer); an unanswered one plans the
    // retry, which follows it.
    const words: Record<string, RegExp> = {
      periodic: /^每\d+天回访一次/,
      dormant: /^已\d+天无到访、无交易$/,
    };
    for (const c of all.filter((x) => x.rule !== null)) expect(c.reason).toMatch(words[c.rule ?? ''] ?? /^$/);
    expect(new Set(all.map((c) => c.rule))).toEqual(new Set(['periodic', 'dormant', null]));
    const unanswered = all.filter((c) => c.result === 'no_answer');
    expect(unanswered.length).toBeGreaterThan(0);
    for (const c of unanswered) {
      expect(c.next_step).toBe('再次致电');
      const retry = all.find((x) => x.customer_id === c.customer_id && x.at === c.next_at);
      if ((c.next_at ?? 0) <= NOW) expect(retry?.rule).toBeNull();
      else expect(retry).toBeUndefined();
    }
    // The showcase customers keep their clean slate.
    const showcase = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));
    expect(all.filter((c) => showcase.has(c.customer_no))).toEqual([]);
  });

  it('leaves today’s 定期回访 and 沉睡唤醒 lists a day’s work, not the whole book', async () => {
    const store = await branch();
    seedContacts(store, defaultRulesConfig, NOW, 7);
    const rows = store.sqlite
      .prepare<[], OutreachBaseRow & { assigned_at: number; last: number | null; by_rule: string }>(
        `SELECT c.*, o.assigned_at, (SELECT max(at) FROM contacts t WHERE t.customer_id = c.id) AS last,
           (SELECT json_group_object(rule, at) FROM (SELECT rule, max(at) AS at FROM contacts t
              WHERE t.customer_id = c.id AND rule IS NOT NULL GROUP BY rule)) AS by_rule
         FROM customer_owners o JOIN customers c ON c.id = o.customer_id`,
      )
      .all();
    const due = rows.filter((r) => {
      const c: OutreachCustomer = {
        ...outreachBaseFromRow(r),
        history: [],
        maturities: [],
        ownedSince: r.assigned_at,
        lastContactAt: r.last,
        lastContactByRule: JSON.parse(r.by_rule) as Record<string, number>,
      };
      const ctx = { now: NOW, timeZone: TZ, tiers: defaultRulesConfig.customer.tiers };
      return outreachHits(c, defaultRulesConfig.outreach, ctx).some(
        (h) => h.rule === 'periodic' || h.rule === 'dormant',
      );
    });
    // Before: every owned customer was due (never contacted). Now some are due, most were called in time.
    expect(due.length).toBeGreaterThan(0);
    expect(due.length).toBeLessThan(rows.length * 0.4);
  });

  it('is the same log for the same branch and seed', async () => {
    const a = await branch();
    const b = await branch();
    seedContacts(a, defaultRulesConfig, NOW, 7);
    seedContacts(b, defaultRulesConfig, NOW, 7);
    const key = (s: Store) => contacts(s).map((c) => `${c.customer_no}:${c.at}:${c.result}:${c.channel}`);
    expect(key(a)).toEqual(key(b));
  });
});
