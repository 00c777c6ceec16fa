import type { HoConsentFeed } from '@shared/api/headoffice-consent';
import type { ConsentEvent } from '@shared/customer/consent';
import { consentFromRow } from '../../db/convert/consent';

/** What pulling other branches' consent needs at the hub. */
export interface ConsentPullDeps {
  /** GET /api/ho/consent. */
  fetch: (after: number, limit: number) => Promise<HoConsentFeed>;
  state: (key: string) => string | null;
  setState: (key: string, value: string, now: number) => void;
  /** This branch's customer with that customer number, if it has one. */
  customerIdByNo: (customerNo: string) => string | undefined;
  /** Stores the event once by id and replicates it to the terminals; true when it was new here. */
  adopt: (e: ConsentEvent) => boolean;
  tx: <T>(fn: () => T) => T;
  now: () => number;
}

export interface ConsentPullReport {
  pages: number;
  received: number;
  applied: number;
  /** Events for customers this branch does not hold (nothing to withdraw here). */
  notHere: number;
  next: number;
}

const KEY = 'consent_seq';

/**
 * Step 15: a withdrawal (or grant) recorded at another branch holds here too. The head office hands the other
 * branches' consent events in its journal order; each is stored once under its own id for this branch's customer
 * with the same customer number (what stands is then the latest per purpose, as for a desk event), and replicated to
 * the terminals. The cursor moves only as far as the head office says is settled; re-reading is harmless.
 */
export async function pullConsent(d: ConsentPullDeps, limit = 1000): Promise<ConsentPullReport> {
  const report: ConsentPullReport = { pages: 0, received: 0, applied: 0, notHere: 0, next: 0 };
  let after = Number(d.state(KEY) ?? 0);
  for (;;) {
    const feed = await d.fetch(after, limit);
    report.pages++;
    report.received += feed.events.length;
    d.tx(() => {
      for (const e of feed.events) {
        const customerId = d.customerIdByNo(e.customerNo);
        if (!customerId) {
          report.notHere++;
          continue;
        }
        if (d.adopt(consentFromRow({ ...e.row, customer_id: customerId }))) report.applied++;
      }
      d.setState(KEY, String(feed.next), d.now());
    });
    // A full page that moved the cursor: more may follow. Otherwise the rest is not settled yet (next round).
    if (feed.events.length < limit || feed.next <= after) {
      report.next = feed.next;
      return report;
    }
    after = feed.next;
  }
}
