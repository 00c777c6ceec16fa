import type { TierBand } from '@shared/customer/tier';
import {
  biggestMoves,
  tierIntervals,
  tierMatrix,
  type TierMover,
  type TierPreview,
} from '@shared/customer/tier-preview';
import type { Store } from '../connection';

/**
 * The impact of a settings change, read from the branch's data before it is saved. A tier-band change: customers
 * counted per AUM interval (`customers_aum` index, 0022: an index range count, never the customer rows), and the
 * ten biggest movers taken from the top of each interval where the tier changes.
 */
export class SettingsPreviewRepo {
  constructor(private readonly store: Store) {}

  private countIn(from: number | null, to: number | null): number {
    let q = this.store.k.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n'));
    if (from !== null) q = q.where('aum_fen', '>=', from);
    if (to !== null) q = q.where('aum_fen', '<', to);
    return this.store.first(q)?.n ?? 0;
  }

  tierPreview(before: readonly TierBand[], after: readonly TierBand[], limit = 10): TierPreview {
    const intervals = tierIntervals(before, after);
    const counts = intervals.map((iv) => this.countIn(iv.from, iv.to));
    const movers: TierMover[] = [];
    intervals.forEach((iv, i) => {
      if (iv.before === iv.after || (counts[i] ?? 0) === 0) return;
      let q = this.store.k
        .selectFrom('customers')
        .select(['id', 'customer_no', 'name', 'aum_fen'])
        .orderBy('aum_fen', 'desc')
        .orderBy('customer_no')
        .limit(limit);
      if (iv.from !== null) q = q.where('aum_fen', '>=', iv.from);
      if (iv.to !== null) q = q.where('aum_fen', '<', iv.to);
      for (const r of this.store.all(q))
        movers.push({
          id: r.id,
          customerNo: r.customer_no,
          name: r.name,
          aumFen: r.aum_fen,
          before: iv.before,
          after: iv.after,
        });
    });
    const matrix = tierMatrix(intervals, counts);
    return {
      customers: counts.reduce((a, b) => a + b, 0),
      moving: matrix.filter((c) => c.before !== c.after).reduce((a, c) => a + c.customers, 0),
      matrix,
      biggest: biggestMoves(movers, limit),
    };
  }
}
