import { useEffect, useState } from 'react';
import { reconnectDelay } from '../../live/backoff';
import { displayTokenFrom, exchangeDisplayToken, type DisplayAccess } from './display-token';

/** Without a token in the URL the feed is tried as is (loopback server, or a logged-in staff screen). */
export function useDisplayToken(): DisplayAccess {
  const [token] = useState(() => displayTokenFrom(window.location.search));
  const [access, setAccess] = useState<DisplayAccess>(token ? 'checking' : 'ready');

  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const tryOnce = () => {
      void exchangeDisplayToken(token).then((r) => {
        if (stopped) return;
        if (r === 'retry') timer = setTimeout(tryOnce, reconnectDelay(attempt++));
        else setAccess(r);
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
