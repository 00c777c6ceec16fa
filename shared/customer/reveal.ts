/** Showing a full ID or phone number: what counts as a reason, and how many reveals a staff member may make. */

/** A reason needs at least this many letters or digits (any script): "核对" passes, "..", "\u200b\u200b" do not. */
export const MIN_REASON_CHARS = 2;
export const MAX_REASON_LENGTH = 200;

// Format characters (zero-width spaces and joiners, BOM, bidi marks, soft hyphen…), controls and unassigned or
// private-use code points: invisible on screen, so they must not make a reason look filled in.
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Co}\p{Cn}\p{Cs}\u115f\u1160\u3164\uffa0]/gu;

/**
 * The reason as it is checked and audited: invisible characters removed, runs of whitespace as one space. NFC only:
 * the staff member's own punctuation (全角，。) stays as typed; compatibility forms are folded only for counting.
 */
export function normaliseReason(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Letters and digits in the (normalised) reason: what a reader of the audit log can actually read. */
export function meaningfulChars(reason: string): number {
  return reason.normalize('NFKC').match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export interface RevealLimit {
  revealsPerWindow: number;
  revealWindowMinutes: number;
}

/** Reveals made at or after this time count toward the staff member's limit now. */
export function revealWindowStart(now: number, cfg: RevealLimit): number {
  return now - cfg.revealWindowMinutes * 60_000 + 1;
}

/** True when one more reveal would go past the limit. */
export function overRevealLimit(revealsInWindow: number, cfg: RevealLimit): boolean {
  return revealsInWindow >= cfg.revealsPerWindow;
}
