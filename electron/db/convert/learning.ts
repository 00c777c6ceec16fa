import { SEGMENTS, type Segment } from '@shared/customer/enums';
import type { PastOutcome } from '@shared/suggest/cooldown';
import { OUTCOMES, type Outcome } from '@shared/visit/config';

/** Outcome rows as the suggestion learning reads them (Step 15): stored row → domain value, once, here. */

function outcomeOf(v: string, id: string): Outcome {
  if (!(OUTCOMES as readonly string[]).includes(v)) throw new Error(`outcome ${id}: unknown outcome ${v}`);
  return v as Outcome;
}

export function pastOutcomeFromRow(r: {
  id: string;
  product_code: string;
  outcome: string;
  reason: string | null;
  at: number;
}): PastOutcome {
  return { productCode: r.product_code, outcome: outcomeOf(r.outcome, r.id), reason: r.reason, at: r.at };
}

/** One standing outcome with what the conversion table needs of its customer (tier is worked out in the app). */
export interface OutcomeFactRow {
  id: string;
  productCode: string;
  outcome: Outcome;
  segments: Segment[];
  aumFen: number;
  at: number;
}

export function outcomeFactFromRow(r: {
  id: string;
  product_code: string;
  outcome: string;
  at: number;
  segments: string;
  aum_fen: number;
}): OutcomeFactRow {
  const parsed: unknown = JSON.parse(r.segments);
  const segments = Array.isArray(parsed)
    ? parsed.filter((s): s is Segment => (SEGMENTS as readonly unknown[]).includes(s))
    : [];
  return {
    id: r.id,
    productCode: r.product_code,
    outcome: outcomeOf(r.outcome, r.id),
    segments,
    aumFen: r.aum_fen,
    at: r.at,
  };
}
