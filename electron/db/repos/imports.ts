import type { Store } from '../connection';

/** Applied imports, newest first (the import screen's history). */
export function recentImportRuns(store: Store, limit = 20) {
  return store.all(
    store.k
      .selectFrom('import_runs as r')
      .leftJoin('staff as s', 's.id', 'r.staff_id')
      .select([
        'r.id',
        'r.kind',
        'r.file_name',
        'r.rows',
        'r.inserted',
        'r.updated',
        'r.unchanged',
        'r.stale',
        'r.finished_at',
        's.display_name as staff_name',
      ])
      .orderBy('r.finished_at', 'desc')
      .limit(limit),
  );
}

/** The branch database's file (null: in memory): imports keep their scratch folder beside it. */
export function databaseFile(store: Store): string | null {
  const name = store.sqlite.name;
  return name && name !== ':memory:' ? name : null;
}
