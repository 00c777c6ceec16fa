import type { Store } from '../connection';
import type { DisplayTokenTable } from '../schema';

/** Read-only tokens of lobby displays on the LAN; only their SHA-256 is stored. */
export class DisplayTokenRepo {
  constructor(private readonly store: Store) {}

  active(): DisplayTokenTable[] {
    return this.store.all(
      this.store.k
        .selectFrom('display_tokens')
        .selectAll()
        .where('revoked_at', 'is', null)
        .orderBy('created_at'),
    );
  }

  byHash(hash: string): DisplayTokenTable | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('display_tokens')
        .selectAll()
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null),
    );
  }

  insert(row: DisplayTokenTable): void {
    this.store.run(this.store.k.insertInto('display_tokens').values(row));
  }

  revoke(id: string, now: number): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('display_tokens')
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('revoked_at', 'is', null),
      ).changes > 0
    );
  }

  touch(id: string, now: number): void {
    this.store.run(
      this.store.k.updateTable('display_tokens').set({ last_seen_at: now }).where('id', '=', id),
    );
  }
}
