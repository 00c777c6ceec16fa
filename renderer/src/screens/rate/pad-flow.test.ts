import { describe, expect, it } from 'vitest';
import { autoSendAt, IDLE, padStep, type PadPhase } from './pad-flow';

const ask = { ticketId: 't1', displayNo: 'A001', closesAt: 30_000 };

describe('the pad’s screens', () => {
  it('asks when the server names a finished visit, then takes an answer, thanks, and returns to idle', () => {
    let p: PadPhase = padStep(IDLE, { type: 'state', ask, now: 0 });
    expect(p.kind).toBe('asking');
    p = padStep(p, { type: 'tap', level: 'dissatisfied' });
    expect(p).toMatchObject({ kind: 'details', level: 'dissatisfied', marks: {} });
    p = padStep(p, { type: 'mark', key: 'attitude', mark: 'poor' });
    expect(p).toMatchObject({ marks: { attitude: 'poor' } });
    // A second tap on the same mark clears it; a new level keeps the marks.
    p = padStep(padStep(p, { type: 'mark', key: 'efficiency', mark: 'good' }), {
      type: 'mark',
      key: 'efficiency',
      mark: 'good',
    });
    p = padStep(p, { type: 'tap', level: 'neutral' });
    expect(p).toMatchObject({ level: 'neutral', marks: { attitude: 'poor' } });
    p = padStep(p, { type: 'sent', ok: true, now: 5_000, thanksMs: 4_000 });
    expect(p).toMatchObject({ kind: 'thanks', until: 9_000, refused: false });
    // A poll still naming the visit does not ask again, during the thanks or after.
    expect(padStep(p, { type: 'state', ask, now: 6_000 }).kind).toBe('thanks');
    p = padStep(p, { type: 'tick', now: 9_000 });
    expect(p.kind).toBe('idle');
    expect(padStep(p, { type: 'state', ask, now: 9_500 }).kind).toBe('idle');
    expect(padStep(p, { type: 'state', ask: { ...ask, ticketId: 't2' }, now: 9_500 }).kind).toBe('asking');
  });

  it('goes back to idle when the window closes unanswered, or the server stops asking', () => {
    const asking = padStep(IDLE, { type: 'state', ask, now: 0 });
    expect(padStep(asking, { type: 'tick', now: 30_000 }).kind).toBe('idle');
    expect(padStep(asking, { type: 'state', ask: null, now: 1 }).kind).toBe('idle');
  });

  it('sends the details on its own after a pause, never after the window', () => {
    expect(autoSendAt(1_000, 30_000)).toBe(11_000);
    expect(autoSendAt(25_000, 30_000)).toBe(28_500);
  });
});
