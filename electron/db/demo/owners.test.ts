import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import type { Store } from '../connection';
import { demoBranches } from './branch.fixtures';
import { OWNED_FOR_DAYS, seedOwners } from './owners';
import { SHOWCASE } from './showcase';

const NOW = Date.UTC(2026, 10, 25, 6, 30);
const branch = demoBranches(NOW, 400, 90);

interface Row {
  customer_no: string;
  kind: string;
  tier: string;
  corporate_grade: string | null;
  owner: string | null;
  backup: string | null;
  source: string | null;
}

function rows(store: Store): Row[] {
  return store.sqlite
    .prepare<[], Row>(
      `SELECT c.customer_no, c.kind, c.tier, c.corporate_grade, so.username AS owner, sb.username AS backup, o.source
       FROM customers c LEFT JOIN customer_owners o ON o.customer_id = c.id
       LEFT JOIN staff so ON so.id = o.owner_id LEFT JOIN staff sb ON sb.id = o.backup_id
       ORDER BY c.customer_no`,
    )
    .all();
}

describe('seedOwners', () => {
  it('gives the valuable customers to the RM, the top ones with the manager as backup, and leaves one in eight', async () => {
    const store = await branch();
    const given = seedOwners(store, defaultRulesConfig, NOW);
    const all = rows(store);
    const { ownedTiers, ownedCorporateGrades } = defaultRulesConfig.outreach;
    const valuable = all.filter((r) =>
      r.kind === 'individual'
        ? (ownedTiers as readonly string[]).includes(r.tier)
        : (ownedCorporateGrades as readonly string[]).includes(r.corporate_grade ?? ''),
    );
    const owned = all.filter((r) => r.owner !== null);
    expect(given).toBe(owned.length);
    // Only valuable customers are owned, all by the branch's one RM, as from the bank's book file.
    expect(owned.every((r) => valuable.includes(r))).toBe(true);
    expect(new Set(owned.map((r) => r.owner))).toEqual(new Set(['rm1']));
    expect(new Set(owned.map((r) => r.source))).toEqual(new Set(['import']));
    // Some are left for the manager's unowned list, about one in eight.
    const unowned = valuable.length - owned.length;
    expect(unowned).toBeGreaterThan(0);
    expect(unowned).toBeLessThanOrEqual(Math.ceil(valuable.length / 8));
    // The top customers have the manager as backup; the others none.
    for (const r of owned) {
      const top = r.tier === 'private' || r.corporate_grade === 'strategic';
      expect(r.backup).toBe(top ? 'manager1' : null);
    }
    // Every valuable showcase customer is owned: the tour's walk-in tells its RM.
    const showcaseNos = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));
    const showcaseValuable = valuable.filter((r) => showcaseNos.has(r.customer_no));
    expect(showcaseValuable.map((r) => r.customer_no)).toContain(SHOWCASE.private.customerNo);
    expect(showcaseValuable.every((r) => r.owner === 'rm1')).toBe(true);
  });

  it('hands the book out OWNED_FOR_DAYS ago (or at the opening, if later); the showcase customers today', async () => {
    const store = await branch();
    seedOwners(store, defaultRulesConfig, NOW);
    const since = store.sqlite
      .prepare<[], { customer_no: string; created_at: number; assigned_at: number }>(
        `SELECT c.customer_no, c.created_at, o.assigned_at FROM customer_owners o JOIN customers c ON c.id = o.customer_id`,
      )
      .all();
    const showcaseNos = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));
    const handedOut = NOW - OWNED_FOR_DAYS * 86_400_000;
    for (const r of since) {
      expect(r.assigned_at).toBe(
        showcaseNos.has(r.customer_no) ? NOW : Math.min(NOW, Math.max(r.created_at, handedOut)),
      );
    }
    expect(since.filter((r) => r.assigned_at === handedOut).length).toBeGreaterThan(since.length / 2);
  });

  it('is the same book for the same branch', async () => {
    const a = await branch();
    const b = await branch();
    seedOwners(a, defaultRulesConfig, NOW);
    seedOwners(b, defaultRulesConfig, NOW);
    const key = (s: Store) => rows(s).map((r) => `${r.customer_no}:${r.owner ?? '-'}:${r.backup ?? '-'}`);
    expect(key(a)).toEqual(key(b));
  });

  it('gives nothing when the branch has no RM or manager', async () => {
    const store = await branch();
    store.sqlite.prepare(`UPDATE staff SET active = 0 WHERE role IN ('rm', 'manager')`).run();
    expect(seedOwners(store, defaultRulesConfig, NOW)).toBe(0);
    expect(rows(store).filter((r) => r.owner !== null)).toEqual([]);
  });
});
