/**
 * What a bulk apply does around its big statements (import-apply.ts), inside the apply's one transaction: SQLite's
 * DDL is transactional, so a failure restores every dropped index with everything else.
 */
import type { ImportSql } from './import-sql';

/**
 * With `bulk` (a load much larger than the table), the table's secondary indexes are dropped and rebuilt around
 * `fn`: sorting once beats a million random index inserts. With `columns` (a bulk UPDATE of those columns), only
 * the indexes that hold one of them.
 */
export function withIndexesRebuilt(
  q: ImportSql,
  table: string,
  bulk: boolean,
  fn: () => void,
  columns?: readonly string[],
): void {
  if (!bulk) {
    fn();
    return;
  }
  const indexColumns = q.db.prepare('SELECT name FROM pragma_index_info(?)').pluck();
  const idx = q
    .all<{
      name: string;
      sql: string;
    }>(
      `SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
      table,
    )
    .filter((i) => !columns || (indexColumns.all(i.name) as string[]).some((c) => columns.includes(c)));
  for (const i of idx) q.exec(`DROP INDEX main."${i.name}"`);
  fn();
  for (const i of idx) q.exec(i.sql);
}
