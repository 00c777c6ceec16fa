import type { FastifyInstance } from 'fastify';
import { serveRenderer } from '../renderer-files';

/**
 * The built renderer on the head office, for its own screens (/ho/…, e.g. the cross-branch history at
 * /ho/reports): the same files a branch serves, with no staff login behind them — the screens ask for the admin key
 * and send it with each /api/ho call. `/` opens the history; other client paths get the SPA, unknown /api paths
 * stay JSON 404s.
 */
export function serveHeadOfficeUi(app: FastifyInstance, dir: string | null): Promise<boolean> {
  return serveRenderer(app, dir, { redirect: '/ho/reports' });
}
