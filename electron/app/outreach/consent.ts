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

export function storedConsent(repo: Pick<OutreachRepo, 'doNotContact'>): ConsentReader {
  return (customers) => {
    const dnc = repo.doNotContact();
    return new Map(
      customers.map((c) => [c.id, { doNotContact: dnc.has(c.id), marketing: c.marketingConsent }]),
    );
  };
}
