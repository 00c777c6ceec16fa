/**
 * A lobby display on the branch LAN opens `/display?token=…`. The page trades the token for an httpOnly
 * cookie once (POST /api/display/session); the queue fetches and the WebSocket then carry the cookie.
 */
export type DisplayAccess = 'checking' | 'ready' | 'refused';

export function displayTokenFrom(search: string): string | null {
  const t = new URLSearchParams(search).get('token');
  return t && t.trim() ? t.trim() : null;
}

/** 'ready' when accepted, 'refused' for a wrong or revoked token, 'retry' when the server is unreachable. */
export async function exchangeDisplayToken(
  token: string,
  fetchFn: typeof fetch = fetch,
): Promise<'ready' | 'refused' | 'retry'> {
  try {
    const res = await fetchFn('/api/display/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (res.ok) return 'ready';
    // 429 (too many tries) and 5xx pass with time; a refused token does not.
    return res.status === 401 || res.status === 400 ? 'refused' : 'retry';
  } catch {
    return 'retry';
  }
}
