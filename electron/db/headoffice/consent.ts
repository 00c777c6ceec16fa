import { sql } from 'kysely';
import { hoConsentEvent, type HoConsentEvent, type HoConsentFeed } from '@shared/api/headoffice-consent';
import type { HeadOfficeDb } from './connection';

/** How long after a push's stamp its rows count as committed for the feed's cursor (see HoConsentFeed.next). */
export const CONSENT_SETTLE_MS = 120_000;

/** Consent events of the other branches, in journal order (Step 15; index from HO migration 0004). */
export async function consentFeed(
  db: HeadOfficeDb,
  branchId: string,
  q: { after: number; limit: number },
  now: number,
): Promise<HoConsentFeed> {
  const rows = await db.k
    .selectFrom('journal as j')
    .innerJoin('branches as b', 'b.id', 'j.branch_id')
    .select(['j.seq', 'j.payload', 'j.received_at', 'b.code'])
    .where('j.kind', '=', 'consent')
    .where('j.seq', '>', q.after)
    .where('j.branch_id', '<>', branchId)
    .orderBy('j.seq')
    .limit(q.limit)
    .execute();
  const events: HoConsentEvent[] = [];
  let next = q.after;
  let settled = true;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (settled && r.received_at <= now - CONSENT_SETTLE_MS) next = seq;
    else settled = false;
    const p = r.payload;
    const parsed = hoConsentEvent.safeParse({
      seq,
      branchCode: r.code,
      customerNo: p.customerNo,
      row: {
        id: p.id,
        customer_id: p.customerId,
        purpose: p.purpose,
        granted: p.granted,
        scope: p.scope,
        channel: p.channel,
        text_version: p.textVersion,
        signed: p.signed,
        note: p.note ?? null,
        staff_id: p.staffId,
        at: p.at,
      },
    });
    // A row without a customer number (a customer deleted before the trigger read it) cannot be placed anywhere.
    if (parsed.success) events.push(parsed.data);
  }
  return { events, next };
}

/** For tests: the journal's consent rows of one branch. */
export async function consentCount(db: HeadOfficeDb, branchId: string): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM journal
    WHERE kind = 'consent' AND branch_id = ${branchId}`.execute(db.k);
  return Number(r.rows[0]?.n ?? 0);
}
