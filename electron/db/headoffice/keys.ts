import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../ids';
import type { HeadOfficeDb } from './connection';

/**
 * Branch keys: `hok.<keyId>.<secret>`, issued by the head office (CLI), shown once, sent by the
 * hub as `Authorization: Bearer …`. The secret is 32 random bytes, so a plain SHA-256 is a safe
 * verifier (no password stretching needed); the lookup is by key id and the compare constant-time.
 */
export interface KeyIdentity {
  keyId: string;
  scope: 'branch' | 'admin';
  branchId: string | null;
  branchCode: string | null;
}

const TOKEN = /^hok\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class HoKeys {
  constructor(private readonly db: HeadOfficeDb) {}

  async addBranch(code: string, name: string, now: number): Promise<string> {
    const id = newId();
    await this.db.k.insertInto('branches').values({ id, code, name, created_at: now }).execute();
    return id;
  }

  async branchByCode(code: string): Promise<{ id: string; code: string; name: string } | undefined> {
    return this.db.k
      .selectFrom('branches')
      .select(['id', 'code', 'name'])
      .where('code', '=', code)
      .executeTakeFirst();
  }

  /** Returns the whole key; only its hash is stored. */
  async issue(
    target: { scope: 'branch'; branchId: string } | { scope: 'admin' },
    label: string | null,
    now: number,
  ): Promise<{ keyId: string; token: string }> {
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.db.k
      .insertInto('branch_keys')
      .values({
        id: keyId,
        branch_id: target.scope === 'branch' ? target.branchId : null,
        scope: target.scope,
        secret_hash: digest(secret),
        label,
        created_at: now,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    return { keyId, token: `hok.${keyId}.${secret}` };
  }

  async revoke(keyId: string, now: number): Promise<boolean> {
    const r = await this.db.k
      .updateTable('branch_keys')
      .set({ revoked_at: now })
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The key's owner, or null for a malformed, unknown, revoked or wrong key. */
  async verify(token: string, now: number): Promise<KeyIdentity | null> {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const [, keyId, secret] = m as unknown as [string, string, string];
    const row = await this.db.k
      .selectFrom('branch_keys as k')
      .leftJoin('branches as b', 'b.id', 'k.branch_id')
      .select(['k.id', 'k.scope', 'k.branch_id', 'k.secret_hash', 'k.revoked_at', 'k.last_used_at', 'b.code'])
      .where('k.id', '=', keyId)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null) return null;
    const a = Buffer.from(row.secret_hash, 'hex');
    const b = Buffer.from(digest(secret), 'hex');
    if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
    // At most one write a minute per key: a push every few seconds must not write for it.
    if (row.last_used_at === null || now - row.last_used_at > 60_000) {
      await this.db.k
        .updateTable('branch_keys')
        .set({ last_used_at: sql<number>`greatest(coalesce(last_used_at, 0), ${now}::bigint)` })
        .where('id', '=', keyId)
        .execute();
    }
    return { keyId, scope: row.scope, branchId: row.branch_id, branchCode: row.code };
  }
}
