import { defaultRulesConfig } from '@shared/config/schema';
import { branchDay } from '@shared/queue';
import { hashPassword } from '../app/password';
import type { Store } from '../db/connection';
import { seedContacts } from '../db/demo/contacts';
import { seedHistory } from '../db/demo/history';
import { seedOwners } from '../db/demo/owners';
import { seedRatings } from '../db/demo/ratings';
import { seedSnapshots } from '../db/demo/snapshots';
import { DEMO_PASSWORD, seedBranch, seedCustomers } from '../db/demo/seed';
import { daysBefore } from '../db/demo/visits';
import type { Pii } from '../db/pii';

/**
 * The demo branch a fresh `npm run serve` data folder gets. start.ts loads this file only when it seeds one:
 * the generators build their tables when loaded (~15 ms), which no other start needs (P5 in BENCH.md).
 */
export async function seedDemoBranch(
  store: Store,
  pii: Pii,
  o: {
    customers: number;
    /** Days of past visits; 0: none, and no RM book either (the integration tests assign their own). */
    historyDays: number;
    visitsPerDay: number;
    seed: number;
    deviceId: string;
    now: number;
  },
): Promise<Record<string, number>> {
  const rules = defaultRulesConfig;
  seedBranch(store, rules, await hashPassword(DEMO_PASSWORD), o.now);
  const customers = seedCustomers(store, pii, rules, { count: o.customers, seed: o.seed, now: o.now });
  // Past visits (four weeks from `npm run serve`), so the reports and the staffing simulator have a history to show.
  const history = seedHistory(store, rules, {
    days: daysBefore(branchDay(o.now, rules.branch.timezone), o.historyDays),
    perDay: o.visitsPerDay,
    seed: o.seed,
    deviceId: o.deviceId,
    // Step 15 learns conversion from every outcome: generated ones would reorder the showcase customers' cards.
    outcomes: false,
  });
  // The pads' answers to those visits (服务评价).
  const ratings = o.historyDays > 0 ? seedRatings(store, o.seed, o.now) : 0;
  // A branch with a past has imported its month-end balance files: the tier migration and the churn lists have data.
  const snapshots = o.historyDays > 0 ? seedSnapshots(store, rules, o.now, o.seed) : 0;
  // A branch with a past has its book: the valuable customers have their RM, and its RMs have called their
  // customers since (seedContacts), so today's outreach list is a day's work.
  const withBook = o.historyDays > 0;
  const owned = withBook ? seedOwners(store, rules, o.now) : 0;
  const contacts = withBook ? seedContacts(store, rules, o.now, o.seed) : 0;
  return { customers, ...history, ratings, snapshots, owned, contacts };
}
