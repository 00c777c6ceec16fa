import { useEffect, useState } from 'react';
import { reconnectDelay } from '../../live/backoff';

/**
 * A pad opens `/rate/<counter>?token=…`. The page trades the token for an httpOnly cookie once (POST
 * /api/rate/session); its polling then carries the cookie. Without a token in the URL the cookie from an earlier
 * visit is tried as it is.
 */
export type PadAccess = 'checking' | 'ready' | 'refused';

export async function exchangePadToken(
  token: string,
  fetchFn: typeof fetch = fetch,
): Promise<'ready' | 'refused' | 'retry'> {
  try {
    const res = await fetchFn('/api/rate/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (res.ok) return 'ready';
    return res.status === 401 || res.status === 400 ? 'refused' : 'retry';
  } catch {
    return 'retry';
  }
}

export function usePadToken(): PadAccess {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token')?.trim() || null);
  const [access, setAccess] = useState<PadAccess>(token ? 'checking' : 'ready');
  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const tryOnce = () => {
      void exchangePadToken(token).then((r) => {
        if (stopped) return;
        if (r === 'retry') timer = setTimeout(tryOnce, reconnectDelay(attempt++));
        else {
          // The token leaves the address bar (and the history) once it is a cookie.
          if (r === 'ready') window.history.replaceState(null, '', window.location.pathname);
          setAccess(r);
        }
      });
    };
    tryOnce();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token]);
  return access;
}
