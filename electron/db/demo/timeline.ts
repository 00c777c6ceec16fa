/**
 * When demo customers were active: lifecycle stage shares and the dates (opening, last visit,
 * last transaction, risk assessment) that make `deriveLifecycle` land on the drawn stage. No I/O.
 */
import { cumulative, type Rng } from './random';
import { DAY, YEAR } from './types';

/** Lifecycle stages: index into LIFECYCLE_IDLE_DAYS. */
const NEW = 0;
export const CHURNED = 4;
export const LIFECYCLE_CUM = [
  [0.06, 0.3, 0.18, 0.3, 0.16],
  [0.04, 0.5, 0.2, 0.18, 0.08],
  [0.03, 0.6, 0.18, 0.14, 0.05],
  [0.02, 0.7, 0.16, 0.1, 0.02],
  [0.01, 0.8, 0.14, 0.05, 0],
].map((p) => cumulative(p));
export const CORP_LIFECYCLE_CUM = cumulative([0.02, 0.75, 0.12, 0.08, 0.03]);
/** Days since the last activity per stage (default thresholds 30/90/180/730), kept off the boundaries. */
export const LIFECYCLE_IDLE_DAYS: readonly (readonly [number, number])[] = [
  [0, 29],
  [0, 89],
  [91, 179],
  [181, 729],
  [731, 2500],
];

interface Timeline {
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

/** Opening date and last visit/transaction so that `deriveLifecycle` lands on `stage`. */
export function timeline(stage: number, maxBackDays: number, now: number, rng: Rng): Timeline {
  if (stage === NEW) {
    const createdAt = now - Math.floor(rng.between(0, 29.5) * DAY);
    return {
      createdAt,
      lastVisitAt: Math.min(now, createdAt + rng.int(40 * 60_000)),
      lastTxnAt: rng.chance(0.7) ? createdAt + rng.int(now - createdAt + 1) : null,
    };
  }
  const [lo, hi] = LIFECYCLE_IDLE_DAYS[stage] as readonly [number, number];
  const idleDays = rng.between(lo, Math.min(hi, maxBackDays - 1));
  const last = now - Math.floor(idleDays * DAY) - rng.int(DAY);
  const backDays = Math.max(31, idleDays + 1 + rng.next() * Math.max(0, maxBackDays - idleDays - 1));
  const createdAt = Math.min(last, now - Math.floor(backDays * DAY));
  let lastVisitAt: number | null;
  let lastTxnAt: number | null;
  if (rng.chance(0.6)) {
    lastTxnAt = last;
    lastVisitAt = rng.chance(0.15) ? null : Math.max(createdAt, last - rng.int(400 * DAY));
  } else {
    lastVisitAt = last;
    lastTxnAt = rng.chance(0.05) ? null : Math.max(createdAt, last - rng.int(60 * DAY));
  }
  return { createdAt, lastVisitAt, lastTxnAt };
}

/** A risk assessment done at some visit: mostly in the months before the last activity, some long before. */
export function assessedAt(tl: Timeline, rng: Rng): number {
  const last = Math.max(tl.createdAt, tl.lastVisitAt ?? 0, tl.lastTxnAt ?? 0);
  const back = rng.chance(0.78) ? rng.int(300 * DAY) : 365 * DAY + rng.int(2 * YEAR);
  return Math.max(tl.createdAt, last - back);
}
