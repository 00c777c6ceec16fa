import { z } from 'zod';
import { consentRow } from '../customer/consent';

/**
 * Consent across branches (Step 15): `GET /api/ho/consent?after=<seq>` hands a branch the consent events the OTHER
 * branches pushed, in the head office's journal order, each with the customer number (how a branch finds its own
 * copy of the customer). No PII travels: the customer number, the purpose, the choice and who/when.
 */
export const hoConsentQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** One event as the branch applies it: the consent row (ids of the recording branch) and the customer number. */
export const hoConsentEvent = z.object({
  seq: z.number().int().min(0),
  branchCode: z.string().min(1).max(32),
  customerNo: z.string().min(1).max(64),
  row: consentRow,
});
export type HoConsentEvent = z.infer<typeof hoConsentEvent>;

export interface HoConsentFeed {
  events: HoConsentEvent[];
  /**
   * Where the next read starts. Journal sequence numbers are taken when a push inserts, not when it commits, so a
   * slow push can commit a lower number after a higher one was read: the feed only moves `next` past events older
   * than the settle time, and newer ones come again next time (applying twice changes nothing).
   */
  next: number;
}
