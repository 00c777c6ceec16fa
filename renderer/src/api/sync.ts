import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import { call } from './client';

const KEY = ['sync-status'];

/**
 * GET /api/sync/status, polled: on a terminal it says online/offline, what is waiting to go up and the
 * reconnect's progress; on the hub only conflict notices. One query, shared by the banner and the queue panel.
 */
export function useSyncStatus(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: () => call(routes.sync.status, { query: {} }),
    enabled,
    refetchInterval: 1_500,
    retry: false,
  });
}

export function useDismissNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(routes.sync.dismissNotice, { params: { id } }),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
