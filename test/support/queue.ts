import type { TicketEvent, TicketEventType } from '@shared/queue/events';
import { applyEvent } from '@shared/queue/machine';
import type { TicketState } from '@shared/queue/machine';

/** Test helpers (also handy for server tests): build events with deterministic ids and a fixed clock. */

export const T0 = Date.UTC(2025, 5, 16, 1, 0, 0); // 09:00 in Shanghai

export function makeEventFactory(deviceId = 'dev-1') {
  let seq = 0;
  return function ev(
    ticketId: string,
    type: TicketEventType,
    at: number,
    extra: { counterId?: string | null; staffId?: string | null; payload?: Record<string, unknown> } = {},
  ): TicketEvent {
    seq += 1;
    return {
      id: `${deviceId}-e${String(seq).padStart(5, '0')}`,
      ticketId,
      type,
      at,
      staffId: extra.staffId ?? null,
      deviceId,
      counterId: extra.counterId ?? null,
      payload: extra.payload ?? {},
    };
  };
}

export function issuePayload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    queue: 'individual',
    number: 1,
    displayNo: 'A001',
    branchDay: '2025-06-16',
    priority: 0,
    customerId: null,
    services: ['cash'],
    ...over,
  };
}

/** Apply events one by one; throws on the first refused one (for tests that expect a legal sequence). */
export function applyAll(events: readonly TicketEvent[], start: TicketState | null = null): TicketState {
  let state = start;
  for (const e of events) {
    const r = applyEvent(state, e);
    if (!r.ok) throw new Error(`${e.type} refused: ${r.code} ${r.en}`);
    state = r.state;
  }
  if (!state) throw new Error('no events');
  return state;
}
