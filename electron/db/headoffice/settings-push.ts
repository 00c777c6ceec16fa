import type { HoSettingsSection } from '@shared/api/headoffice';
import type { HeadOfficeDb } from './connection';
import { lockForWrite, nextRev } from './master-lock';

/**
 * A head-office settings version for several targets at once (branch ids; null = every branch), in one
 * transaction: either every branch named gets it on its next pull or none does.
 */
export async function publishSettingsTo(
  db: HeadOfficeDb,
  config: Partial<Record<HoSettingsSection, unknown>>,
  targets: readonly (string | null)[],
  opts: { mandatory: boolean; by: string | null; note: string | null; now: number },
): Promise<number[]> {
  return db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    const versions: number[] = [];
    for (const branchId of targets) {
      const r = await trx
        .insertInto('settings')
        .values({
          branch_id: branchId,
          config: JSON.stringify(config),
          created_at: opts.now,
          created_by: opts.by,
          note: opts.note,
          mandatory: opts.mandatory ? 1 : 0,
          rev: nextRev(),
        })
        .returning('version')
        .executeTakeFirstOrThrow();
      versions.push(r.version);
    }
    return versions;
  });
}
