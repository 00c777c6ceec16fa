/** Reconnect delays: quick at first (a server restart takes a second), then capped so a TV never gives up. */
export function reconnectDelay(attempt: number, baseMs = 500, maxMs = 10_000): number {
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n, 20));
}

/** ws: or wss: on the page's own host; the live feed is same-origin. */
export function liveUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/api/live`;
}
