import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { onPress, waitingKey, type Waiting } from './keyAhead';

/**
 * The counter's keys with type-ahead (keyAhead.ts): `press` runs a command now or keeps it until the screen allows
 * it; `waiting` is the command kept, for its button to show. `run` must itself refuse what is not allowed.
 */
export function useKeyAhead<C extends string>(
  run: (c: C) => void,
  busy: boolean,
  ok: ReadonlySet<C>,
  /** Keys are live (no dialog open): a kept key is forgotten when they are not. */
  enabled: boolean,
): { press: (c: C) => void; waiting: C | null } {
  const [waiting, setWaiting] = useState<Waiting<C> | null>(null);
  const lastChangeAt = useRef(0);
  const sent = useRef<C | null>(null);
  const okKey = [...ok].sort().join();
  const runNow = useEffectEvent((c: C) => run(c));

  // A command's answer came (declared first: the look below reads the new time).
  useEffect(() => {
    if (!busy) lastChangeAt.current = performance.now();
  }, [busy]);

  // Looked at again whenever what decides it changes, and once more when its hold or the catch-up ends.
  useEffect(() => {
    if (!waiting) return;
    const moment = {
      now: performance.now(),
      busy,
      ok,
      sent: sent.current,
      lastChangeAt: lastChangeAt.current,
    };
    const next = enabled ? waitingKey(waiting, moment) : 'drop';
    if (next === 'run') {
      lastChangeAt.current = performance.now();
      sent.current = waiting.command;
      runNow(waiting.command);
    }
    if (next !== 'wait') {
      setWaiting(null);
      return;
    }
    const timer = setTimeout(() => setWaiting((w) => (w ? { ...w } : w)), 250);
    return () => clearTimeout(timer);
    // `ok` is compared by its members (okKey); a new Set each render is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting, busy, okKey, enabled]);

  const press = (c: C) => {
    const decision = onPress(c, {
      now: performance.now(),
      busy,
      ok,
      sent: sent.current,
      lastChangeAt: lastChangeAt.current,
    });
    if (decision === 'run') {
      lastChangeAt.current = performance.now();
      sent.current = c;
      setWaiting(null);
      run(c);
    } else if (decision === 'wait') setWaiting({ command: c, at: performance.now() });
  };
  return { press, waiting: waiting?.command ?? null };
}
