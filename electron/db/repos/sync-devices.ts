import type { Store } from '../connection';
import type { SyncDeviceTable, SyncNoticeTable } from '../schema';

/** Terminals enrolled at a hub, and the notices a merge leaves for counters. */
export class SyncDeviceRepo {
  constructor(private readonly store: Store) {}

  insert(row: SyncDeviceTable): void {
    this.store.run(
      this.store.k
        .insertInto('sync_devices')
        .values(row)
        .onConflict((oc) =>
          oc.column('device_id').doUpdateSet({
            name: row.name,
            token_hash: row.token_hash,
            enrolled_by: row.enrolled_by,
            revoked_at: null,
          }),
        ),
    );
  }

  byTokenHash(hash: string): SyncDeviceTable | undefined {
    return this.store.first(
      this.store.k.selectFrom('sync_devices').selectAll().where('token_hash', '=', hash),
    );
  }

  touch(deviceId: string, at: number): void {
    this.store.run(
      this.store.k.updateTable('sync_devices').set({ last_seen_at: at }).where('device_id', '=', deviceId),
    );
  }

  list(): SyncDeviceTable[] {
    return this.store.all(this.store.k.selectFrom('sync_devices').selectAll().orderBy('created_at'));
  }

  get(deviceId: string): SyncDeviceTable | undefined {
    return this.store.first(
      this.store.k.selectFrom('sync_devices').selectAll().where('device_id', '=', deviceId),
    );
  }

  /** Its token stops working at once (true), or it was already revoked (false). Enrolling it again lifts it. */
  revoke(deviceId: string, at: number): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('sync_devices')
          .set({ revoked_at: at })
          .where('device_id', '=', deviceId)
          .where('revoked_at', 'is', null),
      ).changes === 1
    );
  }

  addNotice(n: Omit<SyncNoticeTable, 'seen_at'>): boolean {
    return (
      this.store.run(
        this.store.k
          .insertInto('sync_notices')
          .values({ ...n, seen_at: null })
          .onConflict((oc) => oc.column('event_id').doNothing()),
      ).changes === 1
    );
  }

  notices(opts: { unseenOnly: boolean; limit: number }): SyncNoticeTable[] {
    let q = this.store.k.selectFrom('sync_notices').selectAll().orderBy('at', 'desc').limit(opts.limit);
    if (opts.unseenOnly) q = q.where('seen_at', 'is', null);
    return this.store.all(q);
  }

  markNoticeSeen(id: string, at: number): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('sync_notices')
          .set({ seen_at: at })
          .where('id', '=', id)
          .where('seen_at', 'is', null),
      ).changes === 1
    );
  }
}
