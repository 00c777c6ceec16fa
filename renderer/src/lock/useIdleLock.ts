import { useEffect } from 'react';
import { routes } from '@shared/api/routes';
import { call } from '../api/client';
import { noteInput } from './activity';
import { IdleTimer, idleSpanMs } from './idle';
import { sessionLock } from './lockStore';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Locks the session after `minutes` without keyboard or mouse, and tells the server that someone is
 * at the desk while there is activity (a throttled GET /api/session), so its own idle lock agrees.
 */
export function useIdleLock(minutes: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || idleSpanMs(minutes) === null) return;
    const timer = new IdleTimer({
      minutes,
      onIdle: () => sessionLock.lock('idle'),
      onKeepAlive: () => void call(routes.session.me).catch(() => undefined),
    });
    const onActivity = () => {
      noteInput();
      if (!sessionLock.get().locked) timer.activity();
    };
    // After a sleep the timer may not have fired: look again when the window comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') timer.check();
    };
    for (const ev of ACTIVITY) window.addEventListener(ev, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    const off = sessionLock.subscribe(() => {
      if (!sessionLock.get().locked) timer.reset();
    });
    timer.start();
    return () => {
      timer.stop();
      off();
      for (const ev of ACTIVITY) window.removeEventListener(ev, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [minutes, enabled]);
}
