import { describe, expect, it } from 'vitest';
import { KEY_AHEAD, onPress, waitingKey, type Moment } from './keyAhead';

type C = 'call' | 'recall' | 'start' | 'finish';
const at = (now: number, o: Partial<Moment<C>> = {}): Moment<C> => ({
  now,
  busy: false,
  sent: null,
  ok: new Set<C>(),
  lastChangeAt: 0,
  ...o,
});

describe('a key typed ahead at the counter', () => {
  it('runs at once when the screen allows it and nothing is in flight', () => {
    expect(onPress('call', at(10_000, { ok: new Set(['call']) }))).toBe('run');
  });

  it('waits while a command is in flight, even one the screen allows now', () => {
    expect(onPress('start', at(10_000, { busy: true }))).toBe('wait');
    expect(onPress('call', at(10_000, { busy: true, ok: new Set(['call']) }))).toBe('wait');
  });

  it('ignores the same key again while its command is on its way (a double press), but keeps another', () => {
    expect(onPress('call', at(10_000, { busy: true, sent: 'call' }))).toBe('ignore');
    expect(onPress('start', at(10_000, { busy: true, sent: 'call' }))).toBe('wait');
  });

  it('waits just after an answer (the live queue still on its way), and is ignored once the screen has caught up', () => {
    expect(onPress('start', at(10_000, { lastChangeAt: 10_000 - KEY_AHEAD.catchUpMs + 1 }))).toBe('wait');
    expect(onPress('start', at(10_000, { lastChangeAt: 10_000 - KEY_AHEAD.catchUpMs }))).toBe('ignore');
    expect(onPress('start', at(10_000))).toBe('ignore');
  });

  it('F1 then F3: the waiting F3 runs once the called ticket is on screen', () => {
    const w = { command: 'start' as const, at: 10_000 };
    expect(waitingKey(w, at(10_050, { busy: true }))).toBe('wait');
    // The call answered; the snapshot with the called ticket has not arrived.
    expect(waitingKey(w, at(10_100, { lastChangeAt: 10_100, ok: new Set(['finish']) }))).toBe('wait');
    expect(waitingKey(w, at(10_200, { lastChangeAt: 10_100, ok: new Set(['start']) }))).toBe('run');
  });

  it('is forgotten, never run late: past its hold, or when the screen caught up without allowing it', () => {
    const w = { command: 'start' as const, at: 10_000 };
    const late = 10_000 + KEY_AHEAD.holdMs + 1;
    expect(waitingKey(w, at(late, { lastChangeAt: late, ok: new Set(['start']) }))).toBe('drop');
    expect(waitingKey(w, at(late, { busy: true }))).toBe('drop');
    expect(waitingKey(w, at(12_000, { lastChangeAt: 12_000 - KEY_AHEAD.catchUpMs }))).toBe('drop');
  });
});
