import { useIsMutating } from '@tanstack/react-query';
import { RECORD_OUTCOME_KEY, useTicketOutcomeCount, useVisitConfig } from '../../api/visit';

/**
 * Whether finishing must wait for a suggestion outcome: the branch requires one (visit config), the visit is a
 * known customer's, and none is recorded for this ticket yet. Unknown (still loading) does not block: the server
 * has the last word with a 409 anyway.
 */
export function outcomeBlocksFinish(
  requireOutcome: boolean | undefined,
  customerId: string | null,
  outcomesThisVisit: number | null,
): boolean {
  return requireOutcome === true && customerId !== null && outcomesThisVisit === 0;
}

export function useOutcomeGuard(customerId: string | null, ticketId: string | null): boolean {
  const config = useVisitConfig();
  const count = useTicketOutcomeCount(customerId, ticketId);
  // An outcome being saved counts as unknown, like a count still loading: it is about to be recorded.
  const saving = useIsMutating({ mutationKey: RECORD_OUTCOME_KEY }) > 0;
  return outcomeBlocksFinish(config.data?.requireOutcome, customerId, saving ? null : count);
}
