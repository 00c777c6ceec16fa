import type { OutreachBase } from '../../db/convert/outreach';
import type { OutreachRepo } from '../../db/repos/outreach';
import { readInputs, type ListInputs } from './lists';

/**
 * The lists' inputs, read once per branch day and per import (precomputation per day): at 100,000 customers the
 * balance history alone is over a million rows, too many to read for every list, dashboard or figures call.
 * Imports are the only writers of the history and the maturities, so a new import run (or a new day, or another
 * maturity window) reads everything again; between them, the customers changed since the last call (a profile
 * edit, a new customer, a visit) are re-read in one scan. The contact log, owners and consent stay live.
 */
export class DailyInputs {
  private c: {
    key: string;
    readAt: number;
    bases: Map<string, OutreachBase>;
    rest: Omit<ListInputs, 'bases'>;
  } | null = null;

  constructor(private readonly repo: OutreachRepo) {}

  /** Inputs of these customers (all when null) for the list of `day` at `at`; `now` is the clock's. */
  get(ids: readonly string[] | null, day: string, at: number, withinDays: number, now: number): ListInputs {
    const key = `${day}|${this.repo.importStamp()}|${withinDays}`;
    // One RM's few hundred customers are read directly until the whole branch has been read today.
    if (ids && (!this.c || this.c.key !== key)) return readInputs(this.repo, ids, at, withinDays);
    if (!this.c || this.c.key !== key) {
      const all = readInputs(this.repo, null, at, withinDays);
      this.c = {
        key,
        readAt: now,
        bases: new Map(all.bases.map((b) => [b.id, b])),
        rest: { history: all.history, maturities: all.maturities },
      };
    } else {
      // A second of overlap: a change in the same millisecond as the last read is not missed.
      for (const b of this.repo.basesChangedSince(this.c.readAt - 1000)) this.c.bases.set(b.id, b);
      this.c.readAt = Math.max(this.c.readAt, now);
    }
    const bases = ids
      ? ids.map((id) => this.c?.bases.get(id)).filter((b): b is OutreachBase => b !== undefined)
      : [...this.c.bases.values()];
    return { bases, ...this.c.rest };
  }
}
