import type { ContactConsent } from '@shared/outreach/types';
import type { OutreachRepo } from '../../db/repos/outreach';

/** A customer as consent is read for them. */
export interface ConsentSubject {
  id: string;
  marketingConsent: boolean;
}

/**
 * The one place the outreach reads whether customers may be contacted. Today: the imported marketing consent and
 * the branch's do-not-contact mark. Consent captured at the desk plugs in here (composition root), nowhere else.
 */
export type ConsentReader = (customers: readonly ConsentSubject[]) => Map<string, ContactConsent>;

/**
 * The imported consent and do-not-contact marks, with what was given or withdrawn at the desk (Step 15) taking
 * precedence for marketing: a customer who withdrew at the counter is off the lists from then on.
 */
export function deskConsent(
  stored: ConsentReader,
  desk: { effectiveMany: (c: readonly ConsentSubject[]) => Map<string, { marketing: { granted: boolean } }> },
): ConsentReader {
  return (customers) => {
    const base = stored(customers);
    const eff = desk.effectiveMany(customers);
    for (const [id, c] of base) {
      const e = eff.get(id);
      if (e) base.set(id, { ...c, marketing: e.marketing.granted });
    }
    return base;
  };
}

export function storedConsent(repo: Pick<OutreachRepo, 'doNotContact'>): ConsentReader {
  return (customers) => {
    const dnc = repo.doNotContact();
    return new Map(
      customers.map((c) => [c.id, { doNotContact: dnc.has(c.id), marketing: c.marketingConsent }]),
    );
  };
}
