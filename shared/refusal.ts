/**
 * The answer of a pure check that says no: a stable code and a message in Chinese and English, the same
 * shape as `applyEvent`'s `TicketError`. The server maps the code to its HTTP status; the checks know
 * nothing about HTTP.
 */
export interface Refusal<C extends string = string> {
  ok: false;
  code: C;
  zh: string;
  en: string;
}

/** A check that passed. */
export interface Allowed {
  ok: true;
}

export const ALLOWED: Allowed = { ok: true };

export function refuse<C extends string>(code: C, zh: string, en: string): Refusal<C> {
  return { ok: false, code, zh, en };
}
