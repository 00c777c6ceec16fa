/**
 * The lobby display remembers whether voice calls were turned on or off on this screen, so a browser display
 * does not ask "点击开启语音播报" again after every restart. (Electron's lobby window plays without asking.)
 */
export type VoicePref = 'on' | 'off';

/** What the TV shows about its voice: speaking; never chosen (the big button); chosen but the browser still
 * holds audio until the next touch; or turned off. */
export type VoiceState = 'on' | 'ask' | 'paused' | 'off';

export const VOICE_KEY = 'display.voice';

export function readVoicePref(store: Pick<Storage, 'getItem'> | null): VoicePref | null {
  try {
    const v = store?.getItem(VOICE_KEY);
    return v === 'on' || v === 'off' ? v : null;
  } catch {
    return null;
  }
}

export function saveVoicePref(store: Pick<Storage, 'setItem'> | null, pref: VoicePref): void {
  try {
    store?.setItem(VOICE_KEY, pref);
  } catch {
    // A display whose storage is full or blocked simply asks again next time.
  }
}

export function voiceState(pref: VoicePref | null, locked: boolean): VoiceState {
  if (pref === 'off') return 'off';
  if (!locked) return 'on';
  return pref === 'on' ? 'paused' : 'ask';
}
