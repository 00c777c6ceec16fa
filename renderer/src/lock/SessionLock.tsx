import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { routes } from '@shared/api/routes';
import { call } from '../api/client';
import { useMe } from '../auth';
import { LockOverlay } from './LockOverlay';
import { sessionLock } from './lockStore';
import { useIdleLock } from './useIdleLock';

/** GET /api/session also tells how long the desk may sit idle (the branch's `security.idleLockMinutes`). */
function useIdleMinutes(enabled: boolean): number {
  const info = useQuery({
    queryKey: ['session-info'],
    queryFn: () => call(routes.session.me),
    enabled,
    staleTime: 5 * 60_000,
  });
  return info.data?.idleLockMinutes ?? 0;
}

/** The idle lock of a logged-in screen: counts idle time here and shows the lock when due or told by the server. */
export function SessionLock() {
  const me = useMe();
  const lock = useSyncExternalStore(sessionLock.subscribe, sessionLock.get);
  const signedIn = !!me.data && me.data.role !== 'display';
  const minutes = useIdleMinutes(signedIn);
  useIdleLock(minutes, signedIn);
  if (!lock.locked || !lock.reason) return null;
  return <LockOverlay me={me.data ?? null} reason={lock.reason} />;
}
