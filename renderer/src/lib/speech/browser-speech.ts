import type { SpeechEngine } from './speech-queue';

/**
 * The real engine for the speech queue: a two-tone chime made with WebAudio (no sound file to ship) and the
 * browser's Mandarin voice. A browser may keep audio locked until someone clicks the page; `locked` says so and
 * `unlock` (called from a click) opens it. Electron's lobby window plays without a click.
 */
export interface BrowserSpeech {
  engine: SpeechEngine;
  locked(): boolean;
  unlock(): Promise<void>;
  /** Tell `fn` whenever the audio lock may have changed. */
  subscribe(fn: () => void): () => void;
}

const CHIME_NOTES = [
  { freq: 659.25, at: 0, len: 0.55 }, // E5
  { freq: 523.25, at: 0.45, len: 0.9 }, // C5
];
const CHIME_MS = 1_450;

export function createBrowserSpeech(): BrowserSpeech {
  let audio: AudioContext | null = null;
  let speechBlocked = false;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((fn) => fn());
  // Chromium drops an utterance's onend when the object is garbage-collected mid-sentence; hold on to it.
  const speaking = new Set<SpeechSynthesisUtterance>();

  const context = (): AudioContext | null => {
    if (audio) return audio;
    if (typeof AudioContext === 'undefined') return null;
    audio = new AudioContext();
    audio.addEventListener('statechange', changed);
    return audio;
  };

  const zhVoice = (): SpeechSynthesisVoice | undefined => {
    const voices = window.speechSynthesis.getVoices();
    return (
      voices.find((v) => v.lang === 'zh-CN') ??
      voices.find((v) => v.lang.replace('_', '-').startsWith('zh-CN')) ??
      voices.find((v) => v.lang.startsWith('zh'))
    );
  };

  const engine: SpeechEngine = {
    chime(done) {
      const ctx = context();
      if (!ctx || ctx.state !== 'running') {
        void ctx?.resume().catch(() => undefined);
        done();
        return;
      }
      const start = ctx.currentTime + 0.02;
      for (const n of CHIME_NOTES) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = n.freq;
        gain.gain.setValueAtTime(0.0001, start + n.at);
        gain.gain.exponentialRampToValueAtTime(0.5, start + n.at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + n.at + n.len);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start + n.at);
        osc.stop(start + n.at + n.len + 0.05);
      }
      setTimeout(done, CHIME_MS);
    },
    speak(text, done) {
      if (typeof window.speechSynthesis === 'undefined') {
        done();
        return;
      }
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'zh-CN';
      u.rate = 0.9;
      const voice = zhVoice();
      if (voice) u.voice = voice;
      const end = () => {
        speaking.delete(u);
        done();
      };
      u.onend = end;
      u.onerror = (e) => {
        if (e.error === 'not-allowed') {
          speechBlocked = true;
          changed();
        }
        end();
      };
      speaking.add(u);
      window.speechSynthesis.speak(u);
    },
  };

  return {
    engine,
    locked: () => speechBlocked || context()?.state === 'suspended',
    async unlock() {
      speechBlocked = false;
      await context()?.resume();
      if (typeof window.speechSynthesis !== 'undefined') {
        // An empty utterance inside the click is what lets later ones play.
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
      }
      changed();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
