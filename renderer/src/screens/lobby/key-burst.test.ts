import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyBurst, sortTyped } from './key-burst';

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

describe('sortTyped', () => {
  it('gives a person’s keys back one by one, in order', () => {
    expect(
      sortTyped([
        { key: '3', at: 1000 },
        { key: '5', at: 1150 },
        { key: 'Enter', at: 1300 },
      ]),
    ).toEqual([{ key: '3' }, { key: '5' }, { key: 'Enter' }]);
  });

  it('reads a reader’s fast run ending in Enter as one scan', () => {
    const card = '6222025719368712048'.split('').map((key, i) => ({ key, at: 1000 + i * 5 }));
    expect(sortTyped([...card, { key: 'Enter', at: 1100 }])).toEqual([{ scan: '6222025719368712048' }]);
  });

  it('passes a short quick pair on as two keys (fewer than a scan)', () => {
    expect(
      sortTyped([
        { key: '1', at: 1000 },
        { key: '2', at: 1010 },
      ]),
    ).toEqual([{ key: '1' }, { key: '2' }]);
  });

  it('returns nothing for nothing', () => {
    expect(sortTyped([])).toEqual([]);
  });
});
