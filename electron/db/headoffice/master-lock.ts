import { sql, type Transaction } from 'kysely';
import type { HoDB } from './schema';

/**
 * Every master-data change takes a new `rev` from one sequence; writers hold an exclusive advisory
 * lock for their whole transaction and a snapshot's high-water mark is read under the shared lock,
 * so no row can commit later with a rev below a mark already handed out.
 */
export const MASTER_LOCK = 0x686f6d61;

/** Rows per statement; 500 customers' columns stay well under PostgreSQL's 65,535 parameters. */
export const CHUNK = 500;

export async function lockForWrite(trx: Transaction<HoDB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${MASTER_LOCK})`.execute(trx);
}

export async function lockForRead(trx: Transaction<HoDB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${MASTER_LOCK})`.execute(trx);
}

/** The next rev, taken when the row is written. */
export const nextRev = () => sql<number>`nextval('master_rev')`;
