import { useQuery } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import { call } from './client';

/** GET /api/health: versions, demo or production, and whether the first admin is still to be created. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => call(routes.health.health, {}, { lockExempt: true }),
    staleTime: 60_000,
  });
}
