/** Masks for screens, exports and logs. The full value is only shown through a logged reveal. */

export function maskResidentId(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

export function maskMobile(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskCard(card: string): string {
  if (card.length < 10) return '*'.repeat(card.length);
  return `${card.slice(0, 6)}${'*'.repeat(card.length - 10)}${card.slice(-4)}`;
}

/**
 * Full-width digits and X (`１３８…`, typed with a Chinese IME) as ASCII, so they are masked like the others; the
 * rest of the text is kept as it is.
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Scrubs anything that looks like an ID, card or mobile number out of free text (log lines, error messages echoing
 * input, and every free-text field staff type before it is stored: a note, a description, a reason). Full-width
 * digits are read as digits first. Longest patterns first so a card is not half-masked as a phone.
 */
export function scrubPii(text: string): string {
  return normalizeDigits(text)
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => maskResidentId(m.toUpperCase()))
    .replace(/(?<!\d)\d{13,19}(?!\d)/g, (m) => maskCard(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskMobile(m));
}

/** `scrubPii` for an optional field. */
export function scrubOptional<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? scrubPii(text) : text) as T;
}
