import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import { ApiFailure, call } from './api/client';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await call(routes.session.me)).me;
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
      call(routes.session.login, { body: input }),
    onSuccess: (r) => qc.setQueryData(['me'], r.me),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(routes.session.logout),
    onSettled: () => {
      qc.setQueryData(['me'], null);
      qc.clear();
    },
  });
}
