import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyBurst } from './key-burst';

function setup() {
  const keys: string[] = [];
  const scans: string[] = [];
  const burst = new KeyBurst(
    (k) => keys.push(k),
    (s) => scans.push(s),
  );
  let now = 1_000;
  /** Type `text` with `gap` ms between keys, as the keyboard or a reader would. */
  const type = (text: string[], gap: number) => {
    for (const k of text) {
      burst.push(k, now);
      vi.advanceTimersByTime(gap);
      now += gap;
    }
  };
  return { burst, keys, scans, type };
}

describe('KeyBurst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes a lone number key on as a command', () => {
    const s = setup();
    s.type(['3'], 300);
    expect(s.keys).toEqual(['3']);
    expect(s.scans).toEqual([]);
  });

  it('passes a person’s keys and Enter on one by one', () => {
    const s = setup();
    s.type(['2', '8', 'Enter'], 250);
    expect(s.keys).toEqual(['2', '8', 'Enter']);
  });

  it('reads a card swipe ending in Enter as one scan, and does not issue', () => {
    const s = setup();
    s.type([...'330106195403080424', 'Enter'], 8);
    expect(s.scans).toEqual(['330106195403080424']);
    expect(s.keys).toEqual([]);
  });

  it('reads a burst without Enter as a scan once the reader stops', () => {
    const s = setup();
    s.type([...'13858106688'], 5);
    vi.advanceTimersByTime(100);
    expect(s.scans).toEqual(['13858106688']);
  });

  it('replays a short fast run as separate keys', () => {
    const s = setup();
    s.type(['2', '3'], 10);
    vi.advanceTimersByTime(100);
    expect(s.keys).toEqual(['2', '3']);
    expect(s.scans).toEqual([]);
  });

  it('keeps a command typed just before a scan apart from it', () => {
    const s = setup();
    s.type(['6'], 500);
    s.type([...'C100000001', 'Enter'], 6);
    expect(s.keys).toEqual(['6']);
    expect(s.scans).toEqual(['C100000001']);
  });

  it('drops a half-read burst on cancel', () => {
    const s = setup();
    s.type([...'3301'], 5);
    s.burst.cancel();
    vi.advanceTimersByTime(100);
    expect(s.keys).toEqual([]);
    expect(s.scans).toEqual([]);
  });
});
