import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The embedded server listens on 127.0.0.1, where any local program (or a web page in another
 * browser) could reach it. Only requests carrying this launch's random token get through; the
 * Electron session adds the header to every request bound for the server.
 */
export const LAUNCH_HEADER = 'x-branch-desk-launch';

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

type Listener = (...args: unknown[]) => void;

/**
 * Wraps the listening server's 'request' and 'upgrade' (WebSocket) listeners so that nothing
 * reaches Fastify without the token. Installed right after listen: the port is random, so the
 * moment between the two is not a practical window.
 */
export function requireLaunchToken(server: Server, token: string): void {
  const expected = digest(token);
  const ok = (req: IncomingMessage) => {
    const got = req.headers[LAUNCH_HEADER];
    return typeof got === 'string' && timingSafeEqual(digest(got), expected);
  };
  for (const event of ['request', 'upgrade'] as const) {
    const inner = server.listeners(event) as Listener[];
    server.removeAllListeners(event);
    server.on(event, (req: IncomingMessage, resOrSocket: ServerResponse | Duplex, head?: Buffer) => {
      if (ok(req)) {
        for (const l of inner) l.call(server, req, resOrSocket, head);
      } else if (event === 'request') {
        const res = resOrSocket as ServerResponse;
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'forbidden', message: 'not this app' } }));
      } else {
        (resOrSocket as Duplex).end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      }
    });
  }
}

/** Adds the token to requests for the server's host:port (http and ws alike), and to nothing else. */
export function withLaunchToken(
  url: string,
  headers: Record<string, string>,
  serverOrigin: string,
  token: string,
): Record<string, string> {
  try {
    const u = new URL(url);
    const s = new URL(serverOrigin);
    if (u.host !== s.host || !['http:', 'ws:'].includes(u.protocol)) return headers;
    return { ...headers, [LAUNCH_HEADER]: token };
  } catch {
    return headers;
  }
}
