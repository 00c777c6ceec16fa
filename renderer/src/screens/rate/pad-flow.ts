import type { FeedbackLevel } from '@shared/feedback/config';

/**
 * The pad's screen as a small state machine, free of React and timers so it can be tested: idle → asking (the
 * server says a visit just finished) → details (the customer tapped an answer; the optional dimensions) → thanks →
 * idle. The server decides what may be rated; the pad only follows its `ask`.
 */
export type Marks = Record<string, 'good' | 'poor'>;

export type PadPhase =
  | { kind: 'idle'; done: string | null }
  | { kind: 'asking'; ticketId: string; displayNo: string; closesAt: number; done: string | null }
  | {
      kind: 'details';
      ticketId: string;
      displayNo: string;
      closesAt: number;
      level: FeedbackLevel;
      marks: Marks;
      done: string | null;
    }
  | { kind: 'thanks'; until: number; done: string | null; refused: boolean };

export const IDLE: PadPhase = { kind: 'idle', done: null };

export type PadEvent =
  | { type: 'state'; ask: { ticketId: string; displayNo: string; closesAt: number } | null; now: number }
  | { type: 'tap'; level: FeedbackLevel }
  | { type: 'mark'; key: string; mark: 'good' | 'poor' }
  | { type: 'sent'; ok: boolean; now: number; thanksMs: number }
  | { type: 'tick'; now: number };

/** `done` remembers the last visit answered here, so a late poll cannot ask about it again. */
export function padStep(p: PadPhase, e: PadEvent): PadPhase {
  switch (e.type) {
    case 'state': {
      if (p.kind === 'thanks' || p.kind === 'details') return p;
      const ask = e.ask;
      if (!ask || ask.ticketId === p.done) return p.kind === 'idle' ? p : { kind: 'idle', done: p.done };
      if (p.kind === 'asking' && p.ticketId === ask.ticketId && p.closesAt === ask.closesAt) return p;
      return { kind: 'asking', ...ask, done: p.done };
    }
    case 'tap':
      if (p.kind !== 'asking' && p.kind !== 'details') return p;
      return { ...p, kind: 'details', level: e.level, marks: p.kind === 'details' ? p.marks : {} };
    case 'mark': {
      if (p.kind !== 'details') return p;
      const marks = { ...p.marks };
      if (marks[e.key] === e.mark) delete marks[e.key];
      else marks[e.key] = e.mark;
      return { ...p, marks };
    }
    case 'sent':
      if (p.kind !== 'details') return p;
      return { kind: 'thanks', until: e.now + e.thanksMs, done: p.ticketId, refused: !e.ok };
    case 'tick':
      if (p.kind === 'thanks' && e.now >= p.until) return { kind: 'idle', done: p.done };
      if ((p.kind === 'asking' || p.kind === 'details') && e.now >= p.closesAt)
        return { kind: 'idle', done: p.done };
      return p;
  }
}

/** How long the optional step waits for another touch before it sends what it has (never past the window). */
export const DETAILS_IDLE_MS = 10_000;
const SEND_MARGIN_MS = 1_500;

/** When the details step sends on its own: after a pause, or just before the window closes. */
export function autoSendAt(lastTouch: number, closesAt: number): number {
  return Math.min(lastTouch + DETAILS_IDLE_MS, closesAt - SEND_MARGIN_MS);
}
