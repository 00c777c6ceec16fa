import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallMessage } from '@shared/api/queue';
import { createBrowserSpeech, type BrowserSpeech } from '../../lib/speech/browser-speech';
import { SpeechQueue, spokenCall } from '../../lib/speech/speech-queue';
import { readVoicePref, saveVoicePref, voiceState, type VoicePref, type VoiceState } from './voice-pref';

/** Where the customer should go, as said and shown: the counter's name, or its number. */
export function callPlace(c: Pick<CallMessage, 'counterName' | 'counterNumber'>): string {
  return c.counterName || (c.counterNumber !== null ? `${c.counterNumber}号窗口` : '');
}

// A new AudioContext reports "suspended" until the browser has decided whether it may play.
const LOCK_CHECK_DELAY_MS = 800;
const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * Speaks every call (and recall) in Mandarin, one after another. The screen's choice (on / off) is remembered;
 * a screen that chose "on" but whose browser holds audio after a restart opens it on the first touch anywhere.
 */
export function useAnnouncer(): {
  announce: (c: CallMessage) => void;
  voice: VoiceState;
  turnOn: () => void;
  turnOff: () => void;
} {
  const [speech] = useState<BrowserSpeech>(() => createBrowserSpeech());
  const queue = useRef<SpeechQueue | null>(null);
  const [locked, setLocked] = useState(false);
  const [pref, setPref] = useState<VoicePref | null>(() => readVoicePref(storage()));
  // The announcer is called from the live feed's handler, which must see the latest choice.
  const prefRef = useRef(pref);
  useEffect(() => {
    prefRef.current = pref;
  }, [pref]);

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

  const state = voiceState(pref, locked);

  // Chosen before, held now: any click, touch or key on the screen opens the audio again.
  useEffect(() => {
    if (state !== 'paused') return;
    const open = () => void speech.unlock();
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    for (const e of events) document.addEventListener(e, open, { once: true, capture: true });
    return () => {
      for (const e of events) document.removeEventListener(e, open, { capture: true });
    };
  }, [state, speech]);

  const announce = useCallback((c: CallMessage) => {
    if (prefRef.current === 'off') return;
    queue.current?.enqueue(spokenCall(c.displayNo, callPlace(c)));
  }, []);
  const turnOn = useCallback(() => {
    saveVoicePref(storage(), 'on');
    setPref('on');
    void speech.unlock();
  }, [speech]);
  const turnOff = useCallback(() => {
    saveVoicePref(storage(), 'off');
    setPref('off');
  }, []);

  return { announce, voice: state, turnOn, turnOff };
}
