import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallMessage } from '@shared/api/queue';
import { createBrowserSpeech, type BrowserSpeech } from './browser-speech';
import { SpeechQueue, spokenCall } from './speech-queue';

/** Where the customer should go, as said and shown: the counter's name, or its number. */
export function callPlace(c: Pick<CallMessage, 'counterName' | 'counterNumber'>): string {
  return c.counterName || (c.counterNumber !== null ? `${c.counterNumber}号窗口` : '');
}

// A new AudioContext reports "suspended" until the browser has decided whether it may play.
const LOCK_CHECK_DELAY_MS = 800;

/** Speaks every call (and recall) in Mandarin, one after another; reports when the browser keeps audio locked. */
export function useAnnouncer(): { announce: (c: CallMessage) => void; locked: boolean; unlock: () => void } {
  const [speech] = useState<BrowserSpeech>(() => createBrowserSpeech());
  const queue = useRef<SpeechQueue | null>(null);
  const [locked, setLocked] = useState(false);

  useEffect(() => {
    const q = new SpeechQueue(speech.engine);
    queue.current = q;
    const update = () => setLocked(speech.locked());
    const off = speech.subscribe(update);
    const t = setTimeout(update, LOCK_CHECK_DELAY_MS);
    return () => {
      clearTimeout(t);
      off();
      q.dispose();
      queue.current = null;
    };
  }, [speech]);

  const announce = useCallback(
    (c: CallMessage) => queue.current?.enqueue(spokenCall(c.displayNo, callPlace(c))),
    [],
  );
  const unlock = useCallback(() => void speech.unlock(), [speech]);

  return { announce, locked, unlock };
}
