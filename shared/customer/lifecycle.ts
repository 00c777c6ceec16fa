import type { CustomerConfig } from './config';
import type { Lifecycle } from './enums';

const DAY_MS = 86_400_000;

export interface LifecycleFacts {
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

/**
 * Lifecycle stage (seed 004 §02) from dates alone, evaluated at `now` (epoch ms).
 *
 * - `new` while the customer relationship is at most `newWithinDays` old, whatever the activity;
 * - otherwise by days since the last activity — the later of the last visit and the last
 *   transaction, or the opening date when neither is known (opening an account is the last sign
 *   of life we have): `active` up to `activeWithinDays`, `low_frequency` up to
 *   `lowFrequencyWithinDays`, `dormant` up to `dormantWithinDays`, `churned` beyond.
 *
 * "Within N days" is inclusive: exactly N × 24 h ago still counts. Timestamps in the future
 * (clock skew between a core-banking feed and this machine) count as now.
 */
export function deriveLifecycle(
  facts: LifecycleFacts,
  now: number,
  cfg: CustomerConfig['lifecycle'],
): Lifecycle {
  const since = (t: number) => Math.max(0, now - t);
  if (since(facts.createdAt) <= cfg.newWithinDays * DAY_MS) return 'new';
  let last = facts.createdAt;
  if (facts.lastVisitAt !== null && facts.lastVisitAt > last) last = facts.lastVisitAt;
  if (facts.lastTxnAt !== null && facts.lastTxnAt > last) last = facts.lastTxnAt;
  const idle = since(last);
  if (idle <= cfg.activeWithinDays * DAY_MS) return 'active';
  if (idle <= cfg.lowFrequencyWithinDays * DAY_MS) return 'low_frequency';
  if (idle <= cfg.dormantWithinDays * DAY_MS) return 'dormant';
  return 'churned';
}
