import { useQuery } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import { call } from './client';

/** The VIP room's day (GET /api/vip/today): today's walk-ins of the VIP queues, with names and tiers. */
export function useVipToday() {
  return useQuery({
    queryKey: ['vip-today'],
    queryFn: () => call(routes.queue.vipToday),
    // The screen also refreshes it on every live queue change; this catches a missed one.
    refetchInterval: 60_000,
  });
}
