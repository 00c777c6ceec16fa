/** Shared helper for the demo seeding tests: an in-memory branch with its demo customers, closed after each test. */
import { afterEach } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../connection';
import { Pii, testKeys } from '../pii';
import { seedBranch, seedCustomers } from './seed';

const DAY = 86_400_000;

/**
 * Registers the clean-up (call at the top of a test file) and answers a maker of branches: `count` demo customers
 * (seed 3) as of `now`, the branch opened `openedDaysAgo` before it.
 */
export function demoBranches(now: number, count: number, openedDaysAgo: number): () => Promise<Store> {
  const stores: Store[] = [];
  afterEach(() => {
    for (const s of stores.splice(0)) s.close();
  });
  return async () => {
    const store = await openStore(':memory:');
    stores.push(store);
    seedBranch(store, defaultRulesConfig, 'x', now - openedDaysAgo * DAY);
    seedCustomers(store, new Pii(testKeys()), defaultRulesConfig, { count, seed: 3, now });
    return store;
  };
}
