import { describe, expect, it } from 'vitest';
import { VOICE_KEY, readVoicePref, saveVoicePref, voiceState } from './voice-pref';

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('the display remembers its voice choice', () => {
  it('reads back what was saved, and nothing for a value it does not know', () => {
    const s = memory();
    expect(readVoicePref(s)).toBeNull();
    saveVoicePref(s, 'on');
    expect(readVoicePref(s)).toBe('on');
    saveVoicePref(s, 'off');
    expect(readVoicePref(s)).toBe('off');
    s.setItem(VOICE_KEY, 'loud');
    expect(readVoicePref(s)).toBeNull();
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readVoicePref(broken)).toBeNull();
    expect(() => saveVoicePref(broken, 'on')).not.toThrow();
  });

  it('asks only a screen that never chose; a chosen one waits for any touch; off stays off', () => {
    expect(voiceState(null, true)).toBe('ask');
    expect(voiceState('on', true)).toBe('paused');
    expect(voiceState('on', false)).toBe('on');
    expect(voiceState(null, false)).toBe('on');
    expect(voiceState('off', false)).toBe('off');
    expect(voiceState('off', true)).toBe('off');
  });
});
