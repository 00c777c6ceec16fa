import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '@shared/sync/api';
import { api } from './client';

const KEY = ['sync-status'];

/**
 * GET /api/sync/status, polled: on a terminal it says online/offline, what is waiting to go up and the
 * reconnect's progress; on the hub only conflict notices. One query, shared by the banner and the queue panel.
 */
export function useSyncStatus(enabled: boolean) {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api<SyncStatus>('GET', '/api/sync/status'),
    enabled,
    refetchInterval: 1_500,
    retry: false,
  });
}

export function useDismissNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: boolean }>('POST', `/api/sync/notices/${id}/seen`),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
