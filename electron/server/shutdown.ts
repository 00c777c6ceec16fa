import type { FastifyInstance } from 'fastify';

/** How long requests in flight get to finish when the server stops. */
export const CLOSE_GRACE_MS = 3000;

/**
 * Closes a Fastify app without letting a client hold it open. `app.close()` waits for every
 * connection to end: Node closes the idle keep-alive ones, but a connection with a request in
 * progress (a slow upload, a client that stopped mid-request) kept it waiting for minutes. Those
 * get `graceMs` to finish, then are destroyed.
 */
export async function closeApp(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), graceMs);
  force.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
