/**
 * Booking codes (预约码): short, read aloud over the phone and typed at the lobby, so no look-alike characters
 * (0/O, 1/I/L). Six characters from 31 give ~887 million codes; the store keeps them unique.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** A code from `random` bytes (one per character; modulo bias is harmless for a lookup key). */
export function bookingCode(random: (n: number) => Uint8Array): string {
  const bytes = random(CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

/** What a lobby typed, as a code to look up: upper-cased, spaces and dashes dropped; null when it cannot be one. */
export function normalizeCode(raw: string): string | null {
  const s = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}
