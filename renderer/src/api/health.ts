import { useQuery } from '@tanstack/react-query';
import type { Health } from '@shared/api/types';
import { api } from './client';

/** GET /api/health: versions, demo or production, and whether the first admin is still to be created. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => api<Health>('GET', '/api/health', undefined, { lockExempt: true }),
    staleTime: 60_000,
  });
}
