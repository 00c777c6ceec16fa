import type { TicketEvent } from '@shared/queue';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { HlcClock } from '@shared/sync/hlc';
import { newId } from '../../electron/db/ids';

/** One anonymous walk-in's ticket events, numbered `n`, as a terminal would journal them for a push. */
export function walkInEnvelopes(
  clock: HlcClock,
  deviceId: string,
  counterId: string,
  day: string,
  n: number,
  types: readonly TicketEvent['type'][],
): SyncEnvelope[] {
  const ticketId = newId();
  return types.map((type) => {
    const ev: TicketEvent = {
      id: newId(),
      ticketId,
      type,
      at: Date.now(),
      staffId: null,
      deviceId,
      counterId: type === 'issue' ? null : counterId,
      payload:
        type === 'issue'
          ? {
              queue: 'individual',
              number: n,
              displayNo: `A${n}`,
              branchDay: day,
              priority: 0,
              customerId: null,
              services: ['account_open'],
              channel: 'counter',
            }
          : {},
    };
    return {
      id: ev.id,
      deviceId,
      branchCode: 'DEMO01',
      hlc: clock.now(),
      kind: 'ticket_event',
      entityId: ticketId,
      payload: { ...ev },
    };
  });
}
