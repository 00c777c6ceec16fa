import { useQuery } from '@tanstack/react-query';
import type { VipToday } from '@shared/api/visit';
import { api } from './client';

/** The VIP room's day (GET /api/vip/today); not yet on the typed contract. */
export function useVipToday() {
  return useQuery({
    queryKey: ['vip-today'],
    queryFn: () => api<VipToday>('GET', '/api/vip/today'),
    // The screen also refreshes it on every live queue change; this catches a missed one.
    refetchInterval: 60_000,
  });
}
