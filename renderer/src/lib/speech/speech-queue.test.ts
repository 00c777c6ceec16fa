import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callSentence, SpeechQueue, spokenCall, spokenTicketNo, type SpeechEngine } from './speech-queue';

/** An engine that records what it was asked to do and lets the test decide when each step ends. */
function fakeEngine() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const engine: SpeechEngine = {
    chime: (done) => {
      log.push('chime');
      pending.push(done);
    },
    speak: (text, done) => {
      log.push(`say:${text}`);
      pending.push(done);
    },
  };
  /** End the oldest step the engine has not reported done yet. */
  const finishNext = () => pending.shift()?.();
  return { engine, log, pending, finishNext };
}

describe('spoken ticket numbers', () => {
  it('reads the number digit by digit', () => {
    expect(spokenTicketNo('A012')).toBe('A 零 一 二');
    expect(spokenTicketNo('v100')).toBe('V 一 零 零');
  });
  it('always names the number and the place', () => {
    expect(callSentence('A012', '1号窗口')).toBe('请 A012 号 到 1号窗口');
    expect(spokenCall('A012', '1号窗口')).toBe('请 A 零 一 二 号 到 1号窗口');
    expect(spokenCall('V003', '贵宾室')).toBe('请 V 零 零 三 号 到 贵宾室');
  });
});

describe('SpeechQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('chimes, then speaks, and starts the next call only after the previous one ended', () => {
    const f = fakeEngine();
    const q = new SpeechQueue(f.engine);
    q.enqueue('one');
    q.enqueue('two');
    expect(f.log).toEqual(['chime']);
    f.finishNext();
    expect(f.log).toEqual(['chime', 'say:one']);
    expect(q.pending).toBe(1);
    // The second call waits however long the first sentence takes (short of the guard).
    vi.advanceTimersByTime(3_000);
    expect(f.log).toEqual(['chime', 'say:one']);
    f.finishNext();
    expect(f.log).toEqual(['chime', 'say:one', 'chime']);
    f.finishNext();
    f.finishNext();
    expect(f.log).toEqual(['chime', 'say:one', 'chime', 'say:two']);
    expect(q.speaking).toBe(false);
    expect(q.pending).toBe(0);
  });

  it('moves on after the timeout when the engine never reports the end', () => {
    const f = fakeEngine();
    const q = new SpeechQueue(f.engine, { chimeTimeoutMs: 500, speakTimeoutMs: () => 4_000 });
    q.enqueue('one');
    q.enqueue('two');
    vi.advanceTimersByTime(499);
    expect(f.log).toEqual(['chime']);
    vi.advanceTimersByTime(1);
    expect(f.log).toEqual(['chime', 'say:one']);
    vi.advanceTimersByTime(3_999);
    expect(f.log).toEqual(['chime', 'say:one']);
    vi.advanceTimersByTime(1);
    expect(f.log).toEqual(['chime', 'say:one', 'chime']);
  });

  it('ignores an end reported after the timeout already moved on', () => {
    const f = fakeEngine();
    const q = new SpeechQueue(f.engine, { chimeTimeoutMs: 100, speakTimeoutMs: () => 1_000 });
    q.enqueue('one');
    q.enqueue('two');
    q.enqueue('three');
    vi.advanceTimersByTime(1_100); // chime and sentence of "one" both timed out
    expect(f.log).toEqual(['chime', 'say:one', 'chime']);
    const lateChime = f.pending[0];
    const lateOne = f.pending[1];
    lateChime?.();
    lateOne?.();
    // A late end must not skip "two" or start "three" early.
    expect(f.log).toEqual(['chime', 'say:one', 'chime']);
    vi.advanceTimersByTime(100);
    expect(f.log).toEqual(['chime', 'say:one', 'chime', 'say:two']);
  });

  it('gives a longer sentence more time by default', () => {
    const f = fakeEngine();
    const q = new SpeechQueue(f.engine, { chimeTimeoutMs: 0 });
    q.enqueue(spokenCall('A012', '1号窗口'));
    q.enqueue('next');
    vi.advanceTimersByTime(0);
    // 11 syllables: well over the 4–5 s a zh-CN voice needs, so a real voice is never cut short.
    vi.advanceTimersByTime(7_900);
    expect(f.log.at(-1)).toBe('say:请 A 零 一 二 号 到 1号窗口');
    q.enqueue('later');
    vi.advanceTimersByTime(100);
    expect(f.log.at(-1)).toBe('say:next');
  });

  it('survives an engine that throws', () => {
    const q = new SpeechQueue({
      chime: () => {
        throw new Error('no audio');
      },
      speak: (_t, done) => done(),
    });
    q.enqueue('one');
    expect(q.speaking).toBe(false);
  });

  it('speaks nothing more after dispose', () => {
    const f = fakeEngine();
    const q = new SpeechQueue(f.engine);
    q.enqueue('one');
    q.enqueue('two');
    q.dispose();
    f.finishNext();
    f.finishNext();
    q.enqueue('three');
    expect(f.log).toEqual(['chime', 'say:one']);
  });
});
