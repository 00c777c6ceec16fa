import { useQuery } from '@tanstack/react-query';
import type { TriageFlags } from '@shared/triage/types';
import { routes } from '@shared/api/routes';
import { call } from './client';

export type { FloorTicket, FloorView } from '@shared/api/floor';

const f = routes.floor;

export const floorKey = ['floor'] as const;

/** Today's open tickets for the lobby floor; the floor screen refetches on the live feed's ticket messages. */
export function useFloor() {
  return useQuery({ queryKey: floorKey, queryFn: () => call(f.floor), refetchInterval: 30_000 });
}

/** The tickets an identified customer still holds today (one customer, one live ticket). */
export function useCustomerTickets(customerId: string | null) {
  return useQuery({
    queryKey: ['customer-tickets', customerId],
    queryFn: () => call(f.customerTickets, { params: { id: customerId ?? '' } }),
    enabled: !!customerId,
    staleTime: 0,
    retry: false,
  });
}

export const reprintTicket = (id: string) => call(f.reprint, { params: { id }, body: {} });

export const changeServices = (id: string, intents: string[], flags: TriageFlags) =>
  call(f.changeServices, { params: { id }, body: { intents, flags } });

export const cancelTicket = (id: string, reason: string) =>
  call(f.cancel, { params: { id }, body: { reason } });

export const moveTicket = (id: string, toQueue: string, reason: string) =>
  call(f.move, { params: { id }, body: { toQueue, reason } });

export const selfServed = (id: string) => call(f.selfServed, { params: { id }, body: {} });
