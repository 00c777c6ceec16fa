/**
 * The lobby TV's announcement queue, kept free of browser APIs so it can be tested: the engine (WebAudio chime,
 * Web Speech) is injected. Each call is a chime, then the sentence; the next call starts only when the sentence
 * has ended, so calls that arrive together are spoken one after another and never cut off. Engines do not always
 * report the end (headless Chromium, a missing zh-CN voice), so every step also ends after a timeout.
 */

export interface SpeechEngine {
  /** Play the attention chime and call `done` when it has faded. */
  chime(done: () => void): void;
  /** Say `text` and call `done` when it has been said (or failed). May never call `done`. */
  speak(text: string, done: () => void): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SpeechQueueOptions {
  /** Longest a chime may take before the sentence starts anyway. */
  chimeTimeoutMs?: number;
  /** Longest a sentence may take before the queue moves on; generous, as a slow voice must not be cut short. */
  speakTimeoutMs?: (text: string) => number;
  timers?: Timers;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "A012" → "A 零 一 二": a ticket number is read digit by digit, as the customer reads it off the slip. */
export function spokenTicketNo(displayNo: string): string {
  return [...displayNo].map((ch) => (/\d/.test(ch) ? DIGITS[Number(ch)] : ch.toUpperCase())).join(' ');
}

/** What the display shows for a call: "请 A012 号 到 1号窗口". */
export function callSentence(displayNo: string, place: string): string {
  return `请 ${displayNo} 号 到 ${place}`;
}

/** What the display says: the same sentence with the number read digit by digit. */
export function spokenCall(displayNo: string, place: string): string {
  return callSentence(spokenTicketNo(displayNo), place);
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class SpeechQueue {
  private readonly items: string[] = [];
  private busy = false;
  private disposed = false;
  private readonly chimeTimeoutMs: number;
  private readonly speakTimeoutMs: (text: string) => number;
  private readonly timers: Timers;

  constructor(
    private readonly engine: SpeechEngine,
    opts: SpeechQueueOptions = {},
  ) {
    this.chimeTimeoutMs = opts.chimeTimeoutMs ?? 2_000;
    // About 2.5 syllables a second for a zh-CN voice, plus slack for the engine to start.
    this.speakTimeoutMs = opts.speakTimeoutMs ?? ((text) => 3_000 + text.replace(/\s/g, '').length * 450);
    this.timers = opts.timers ?? defaultTimers;
  }

  /** Announcements waiting behind the one being spoken. */
  get pending(): number {
    return this.items.length;
  }

  get speaking(): boolean {
    return this.busy;
  }

  enqueue(text: string): void {
    if (this.disposed) return;
    this.items.push(text);
    if (!this.busy) this.next();
  }

  /** Drop what is queued; the sentence being spoken is left to finish. */
  dispose(): void {
    this.disposed = true;
    this.items.length = 0;
  }

  private next(): void {
    const text = this.disposed ? undefined : this.items.shift();
    if (text === undefined) {
      this.busy = false;
      return;
    }
    this.busy = true;
    this.step(
      (done) => this.engine.chime(done),
      this.chimeTimeoutMs,
      () =>
        this.step(
          (done) => this.engine.speak(text, done),
          this.speakTimeoutMs(text),
          () => this.next(),
        ),
    );
  }

  /** Run one engine step; continue once, on whichever comes first: the engine's done or the timeout. */
  private step(run: (done: () => void) => void, timeoutMs: number, then: () => void): void {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.timers.clear(timer);
      then();
    };
    const timer = this.timers.set(finish, timeoutMs);
    try {
      run(finish);
    } catch {
      finish();
    }
  }
}
