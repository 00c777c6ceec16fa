import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The web survey's link (QR on the ticket slip): `<ticket id>~<expiry, base36 ms>~<MAC>` (no dot: the server
 * serves the app only for paths without one), signed with a key only
 * this server holds, so a link names one visit, cannot be changed to another one, and stops working at its expiry.
 */
const MAC_BYTES = 16;

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES).toString('base64url');
}

export function signSurveyToken(key: Buffer, ticketId: string, expiresAt: number): string {
  const body = `${ticketId}~${expiresAt.toString(36)}`;
  return `${body}~${mac(key, body)}`;
}

/** The ticket and expiry of a genuine link, or null (tampered, malformed, or expired at `now`). */
export function readSurveyToken(
  key: Buffer,
  token: string,
  now: number,
): { ticketId: string; expiresAt: number } | null {
  const parts = token.split('~');
  if (parts.length !== 3) return null;
  const [ticketId, exp, sig] = parts as [string, string, string];
  const expected = Buffer.from(mac(key, `${ticketId}~${exp}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = parseInt(exp, 36);
  if (!Number.isFinite(expiresAt) || now >= expiresAt) return null;
  return { ticketId, expiresAt };
}
