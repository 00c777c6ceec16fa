import type { Outcome } from '@shared/visit/config';

/** One key per outcome, on the home row, in the order of the buttons. */
export const OUTCOME_KEYS: Record<Outcome, string> = {
  accepted: 'A',
  interested: 'S',
  declined: 'D',
  not_suitable: 'F',
};

export const OUTCOME_COLORS: Record<Outcome, string> = {
  accepted: 'green',
  interested: 'blue',
  declined: 'default',
  not_suitable: 'orange',
};

/** Keys 1–N pick a suggestion. */
export const PICK_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The suggestion the outcome keys act on after one was recorded: the next one without an outcome, after the
 * current one and wrapping around; the current one when all have an outcome.
 */
export function nextActive(codes: readonly string[], recorded: ReadonlySet<string>, current: number): number {
  for (let step = 1; step <= codes.length; step++) {
    const i = (current + step) % codes.length;
    if (!recorded.has(codes[i] as string)) return i;
  }
  return current;
}

/** The first suggestion without an outcome (where the keys start), else the first. */
export function firstOpen(codes: readonly string[], recorded: ReadonlySet<string>): number {
  const i = codes.findIndex((c) => !recorded.has(c));
  return i === -1 ? 0 : i;
}

/** What was recorded for a suggestion in this visit: shown on its card, and undone from there. */
export interface Recorded {
  id: string;
  outcome: Outcome;
  reason: string | null;
}
