import { useEffect, useEffectEvent } from 'react';
import { isClickable, isTextTarget } from '../../hooks/useHotkeys';
import { isBurstKey, KeyBurst } from './key-burst';

/**
 * Printable keys and Enter outside text fields, sorted into commands (`onKey`) and card-reader scans (`onScan`).
 * Inside the lookup field the reader types into the field as usual. Space stays with checkboxes and buttons.
 */
export function useKeyBurst(
  enabled: boolean,
  onKey: (key: string) => void,
  onScan: (text: string) => void,
): void {
  const key = useEffectEvent(onKey);
  const scan = useEffectEvent(onScan);
  useEffect(() => {
    if (!enabled) return;
    const burst = new KeyBurst(
      (k) => key(k),
      (s) => scan(s),
    );
    const h = (e: KeyboardEvent) => {
      if (!isBurstKey(e)) return;
      if (isTextTarget(e.target) || (e.key === 'Enter' && isClickable(e.target))) return;
      e.preventDefault();
      burst.push(e.key, e.timeStamp);
    };
    window.addEventListener('keydown', h);
    return () => {
      window.removeEventListener('keydown', h);
      burst.cancel();
    };
  }, [enabled]);
}
