import type { Me } from '@shared/api/types';
import { refusal } from '@shared/api/errors';
import { checkActsForCounter } from '@shared/queue';
import type { QueueDeps } from './deps';

/** Who acts at a counter: their role and the counter they are assigned (null: none). */
export type CounterCaller = Pick<Me, 'id' | 'role' | 'counterId'>;

/**
 * Refuses (403 not_your_counter) unless the caller may act on every one of these counters, before anything is
 * written. Returns a function that audits the acts for someone else's counter; call it once the act succeeded.
 */
export function mustActFor(
  audit: QueueDeps['audit'],
  caller: CounterCaller,
  counterIds: readonly string[],
  what: { act: string; ticketId?: string },
): (at: number) => void {
  const actingFor: string[] = [];
  for (const counterId of counterIds) {
    const r = checkActsForCounter(caller.role, caller.counterId, counterId);
    if (!r.ok) throw refusal(403, r);
    if (r.actingFor) actingFor.push(counterId);
  }
  return (at) => {
    for (const counterId of actingFor) {
      audit.append({
        at,
        staffId: caller.id,
        action: 'counter.act_for',
        targetType: 'counter',
        targetId: counterId,
        detail: {
          act: what.act,
          ...(what.ticketId ? { ticketId: what.ticketId } : {}),
          ownCounter: caller.counterId,
        },
      });
    }
  };
}
