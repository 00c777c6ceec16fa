import type { Fen } from '../money';
import { TIER_KEYS, type TierBand, type TierKey } from './tier';

/**
 * The preview of a tier-band change, as pure rules: the AUM axis cut at every old and new lower bound gives
 * intervals in which every customer has the same tier before and after, so counting customers per interval (an
 * index range in SQL) gives the whole matrix, and only the intervals where the tier changes hold movers.
 */
export interface TierInterval {
  /** Inclusive lower bound in fen; null: from minus infinity (below every band, the lowest tier). */
  from: Fen | null;
  /** Exclusive upper bound; null: no upper bound. */
  to: Fen | null;
  before: TierKey;
  after: TierKey;
}

/** The tier of an AUM under ascending bands, like classifyTier (below the first band: the first tier). */
function tierAt(aum: Fen, bands: readonly TierBand[]): TierKey {
  let key = (bands[0] as TierBand).key;
  for (const b of bands) {
    if (aum >= b.minFen) key = b.key;
    else break;
  }
  return key;
}

export function tierIntervals(before: readonly TierBand[], after: readonly TierBand[]): TierInterval[] {
  const cuts = [...new Set([...before, ...after].map((b) => b.minFen))].sort((a, b) => a - b);
  const out: TierInterval[] = [];
  const bounds: (Fen | null)[] = [null, ...cuts];
  bounds.forEach((from, i) => {
    const to = i + 1 < bounds.length ? (bounds[i + 1] as Fen) : null;
    // A representative AUM inside the interval: its lower bound, or one fen below the first cut.
    const probe = from ?? (cuts[0] ?? 0) - 1;
    out.push({ from, to, before: tierAt(probe, before), after: tierAt(probe, after) });
  });
  return out;
}

/** How far a move goes, in steps of the fixed tier order (潜力 → 私行 is 4). */
export function moveDistance(before: TierKey, after: TierKey): number {
  return Math.abs(TIER_KEYS.indexOf(after) - TIER_KEYS.indexOf(before));
}

export interface TierMoveCount {
  before: TierKey;
  after: TierKey;
  customers: number;
}

/** Interval counts folded into the matrix (before × after), stays included, in the tier order. */
export function tierMatrix(intervals: readonly TierInterval[], counts: readonly number[]): TierMoveCount[] {
  const m = new Map<string, TierMoveCount>();
  intervals.forEach((iv, i) => {
    const n = counts[i] ?? 0;
    if (n === 0) return;
    const k = `${iv.before}>${iv.after}`;
    const cell = m.get(k) ?? { before: iv.before, after: iv.after, customers: 0 };
    cell.customers += n;
    m.set(k, cell);
  });
  const rank = (t: TierKey) => TIER_KEYS.indexOf(t);
  return [...m.values()].sort((a, b) => rank(a.before) - rank(b.before) || rank(a.after) - rank(b.after));
}

export interface TierMover {
  id: string;
  customerNo: string;
  name: string;
  aumFen: Fen;
  before: TierKey;
  after: TierKey;
}

/** The biggest moves first: the most tier steps, then the larger AUM. */
export function biggestMoves(movers: readonly TierMover[], limit = 10): TierMover[] {
  return [...movers]
    .sort(
      (a, b) =>
        moveDistance(b.before, b.after) - moveDistance(a.before, a.after) ||
        b.aumFen - a.aumFen ||
        a.customerNo.localeCompare(b.customerNo),
    )
    .slice(0, limit);
}

/** What the preview answers. */
export interface TierPreview {
  customers: number;
  moving: number;
  matrix: TierMoveCount[];
  biggest: TierMover[];
}
