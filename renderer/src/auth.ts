import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@shared/api/types';
import { api, ApiFailure } from './api/client';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await api<{ me: Me }>('GET', '/api/session')).me;
      } catch (e) {
        if (e instanceof ApiFailure && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<{ token: string; me: Me }>('POST', '/api/session', input),
    onSuccess: (r) => qc.setQueryData(['me'], r.me),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('DELETE', '/api/session'),
    onSettled: () => {
      qc.setQueryData(['me'], null);
      qc.clear();
    },
  });
}
