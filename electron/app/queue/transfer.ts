import type { RulesConfig } from '@shared/config/schema';
import { transferClass, type TicketState } from '@shared/queue';
import { ApiError } from '@shared/api/errors';

/**
 * The payload a transfer is stored with. It keeps its place: it waits in the new queue with the class that lets
 * nobody who arrived after it go first (shared/queue/order.ts `transferClass`), unless the counter set one; the
 * services the sending counter changed must be configured intents.
 */
export function transferPayload(
  prior: TicketState,
  payload: Record<string, unknown>,
  rules: RulesConfig,
  tickets: Iterable<TicketState>,
): Record<string, unknown> {
  const services = payload.services;
  if (Array.isArray(services)) {
    const known = new Set(rules.triage.intents.map((i) => i.key));
    const unknown = services.filter((x) => typeof x !== 'string' || !known.has(x));
    if (unknown.length)
      throw new ApiError(
        400,
        'unknown_intent',
        `未知业务类型：${unknown.join('、')}`,
        `Unknown visit intent: ${unknown.join(', ')}`,
      );
  }
  if (typeof payload.priority === 'number' || typeof payload.toQueue !== 'string') return payload;
  return { ...payload, priority: transferClass(prior, payload.toQueue, tickets) };
}
