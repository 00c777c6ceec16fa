import type { OutreachBase } from '../../db/convert/outreach';
import type { OutreachRepo } from '../../db/repos/outreach';
import { nextTurn, readInputsChunked, readInputsSliced, type ListInputs } from './lists';

/** Customers scanned between turns of the event loop when looking for changes (~10 ms a span). */
const SCAN_SPAN = 50_000;

/**
 * The lists' inputs, read once per branch day and per import (precomputation per day): at 100,000 customers the
 * balance history alone is over a million rows, too many to read for every list, dashboard or figures call.
 * Imports are the only writers of the history and the maturities, so a new import run (or a new day, or another
 * maturity window) reads everything again, a page at a time; between them, the customers changed since the last
 * call (a profile edit, a new customer, a visit) are re-read, a span of the table at a time. The contact log,
 * owners and consent stay live.
 */
export class DailyInputs {
  private c: {
    key: string;
    readAt: number;
    bases: Map<string, OutreachBase>;
    rest: Omit<ListInputs, 'bases'>;
  } | null = null;
  /** The whole branch being read (one read for every list asked meanwhile). */
  private reading: { key: string; done: Promise<void> } | null = null;

  constructor(private readonly repo: OutreachRepo) {}

  /** Inputs of these customers (all when null) for the list of `day` at `at`; `now` is the clock's. */
  async get(
    ids: readonly string[] | null,
    day: string,
    at: number,
    withinDays: number,
    now: () => number,
  ): Promise<ListInputs> {
    const key = this.keyOf(day, withinDays);
    // One RM's few hundred customers are read directly until the whole branch has been read today.
    if (ids && this.c?.key !== key) return readInputsChunked(this.repo, ids, at, withinDays);
    if (this.c?.key !== key) await this.readAll(day, key, at, withinDays, now);
    const c = this.c;
    // The read raced an import (rare): this once, read directly.
    if (c?.key !== key) return readInputsChunked(this.repo, ids, at, withinDays);
    // A second of overlap: a change in the same millisecond as the last read is not missed.
    const readAt = now();
    const since = c.readAt - 1000;
    for (let after: number | null = 0; after !== null;) {
      const page = this.repo.basesChangedSince(since, after, SCAN_SPAN);
      for (const b of page.bases) c.bases.set(b.id, b);
      after = page.next;
      if (after !== null) await nextTurn();
    }
    c.readAt = Math.max(c.readAt, readAt);
    const bases = ids
      ? ids.map((id) => c.bases.get(id)).filter((b): b is OutreachBase => b !== undefined)
      : [...c.bases.values()];
    return { bases, ...c.rest };
  }

  /** What the cached inputs hold: the day, the imports run so far and the maturity window. */
  private keyOf(day: string, withinDays: number): string {
    return `${day}|${this.repo.importStamp()}|${withinDays}`;
  }

  private async readAll(
    day: string,
    key: string,
    at: number,
    withinDays: number,
    now: () => number,
  ): Promise<void> {
    if (this.reading?.key !== key) {
      const read = async () => {
        const startedAt = now();
        const all = await readInputsSliced(this.repo, at, withinDays);
        // An import that finished while the pages were read: its rows may be half in. The next call reads again.
        if (this.keyOf(day, withinDays) !== key) return;
        this.c = {
          key,
          // Customers changed while the pages were read are re-read by the next get (changed since the start).
          readAt: startedAt,
          bases: new Map(all.bases.map((b) => [b.id, b])),
          rest: { history: all.history, maturities: all.maturities },
        };
      };
      const done = read().finally(() => {
        if (this.reading?.done === done) this.reading = null;
      });
      this.reading = { key, done };
    }
    await this.reading.done;
  }
}
