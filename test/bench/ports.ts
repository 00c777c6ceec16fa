import { createServer } from 'node:net';

/**
 * A port the OS says is free right now, for a bench's server. (Picking one at random hit 6000 once: fetch refuses
 * that port and a few others — the WHATWG "bad ports" — so the health check never got an answer.)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
