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
 * Scrubs anything that looks like an ID, card or mobile number out of free text (log lines,
 * error messages echoing input). Longest patterns first so a card is not half-masked as a phone.
 */
export function scrubPii(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => maskResidentId(m.toUpperCase()))
    .replace(/(?<!\d)\d{13,19}(?!\d)/g, (m) => maskCard(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskMobile(m));
}
