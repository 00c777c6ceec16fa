import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '@shared/api/errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a browser sent this request from a page of another origin. SameSite=Strict cookies do not cover a page on
 * another port of the same host (it is the same *site*), so the session cookie would ride along. Browsers send
 * `Origin` on every cross-origin POST (and Chromium on same-origin ones too), and `Sec-Fetch-Site` on all requests;
 * terminals, the head-office push and scripts send neither and authenticate with tokens, so they pass.
 */
export function isCrossOrigin(req: Pick<FastifyRequest, 'headers'>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (origin === 'null') return true;
    try {
      return new URL(origin).host !== req.headers.host;
    } catch {
      return true;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Refuses state-changing requests from another origin (403), and drops Fastify's text/plain parser so a JSON route
 * never accepts the content types a cross-site form or `fetch(no-cors)` can send without a preflight (415).
 */
export function guardOrigin(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (req, reply) => {
    if (!STATE_CHANGING.has(req.method) || !isCrossOrigin(req)) return;
    req.log.warn(
      { origin: req.headers.origin, site: req.headers['sec-fetch-site'] },
      'cross-origin write refused',
    );
    return reply
      .status(403)
      .send(
        errorBody(
          'cross_origin',
          '请求来源不是本网点系统的页面，已拒绝',
          'Refused: the request did not come from a page of this branch server’s own origin',
        ),
      );
  });
}
