import type { CustomerSummary } from '@shared/api/types';

/** Who the lobby manager is triaging: an identified customer, or an anonymous walk-in (散客). */
export type Visitor = { kind: 'customer'; customer: CustomerSummary } | { kind: 'anonymous' };

export const visitorCustomerId = (v: Visitor | null): string | null =>
  v?.kind === 'customer' ? v.customer.id : null;
