import { SNAPSHOT_TABLES, type SnapshotTable, type SyncStatus } from '@shared/sync/api';
import type { Store } from '../db/connection';
import { TERMINAL_LOOKUP_SCHEME } from '../db/repos/sync-data';
import type { SyncCore } from './core';
import type { HubClient } from './hub-client';

/** Master data a refresh re-reads (changed rows only); tickets and visits flow through the journal instead. */
const REFRESH_TABLES: SnapshotTable[] = [
  'branch',
  'settings',
  'counters',
  'staff',
  'products',
  'customers',
  'cards',
  'holdings',
  'customer_owners',
  'customer_marks',
];

export interface SnapshotDeps {
  sync: SyncCore;
  store: Store;
  hub: HubClient;
  now: () => number;
  /** A snapshot may have brought new settings: drop the cached rules. */
  rulesChanged: () => void;
}

/**
 * A terminal's copy of the hub, paged table by table: every table the hub serves (first start, or a cursor the
 * hub's journal no longer reaches; `since` null), or the master data changed since `since` (the periodic refresh).
 * Each page commits on its own; the pull cursor moves to the hub's head only once every table is in, so a snapshot
 * cut off half-way is simply taken again. A full one reports its progress page by page.
 */
export async function takeSnapshot(
  d: SnapshotDeps,
  since: number | null,
  progress: (p: NonNullable<SyncStatus['progress']>) => void,
): Promise<void> {
  const head = await d.hub.head();
  const totals = new Map(head.tables.map((t) => [t.table, t.total]));
  // Only tables the hub serves: a hub one version behind has no bookings yet.
  const tables = since === null ? SNAPSHOT_TABLES.filter((t) => totals.has(t)) : REFRESH_TABLES;
  const page = d.sync.cfg.snapshotPage;
  if (since === null) d.sync.data.allowSharedTags();
  for (const table of tables) {
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const p = await d.hub.page(table, after, page, since);
      d.store.tx(() => d.sync.data.upsert(table, p.rows));
      done += p.rows.length;
      if (since === null)
        progress({ step: 'snapshot', label: table, done, total: totals.get(table) ?? null });
      if (p.next === null) break;
      after = p.next;
    }
  }
  const j = d.sync.journal;
  const now = d.now();
  d.store.tx(() => {
    if (since === null) {
      j.setState('pull_cursor', String(head.cursor), now);
      j.setState('lookup_scheme', TERMINAL_LOOKUP_SCHEME, now);
    }
    j.setState('snapshot_at', String(head.at), now);
  });
  d.rulesChanged();
  d.sync.refreshed(since === null, now);
}
