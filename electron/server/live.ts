import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { LiveMessage } from '@shared/api/queue';
import type { AppContext } from './context';

/**
 * WebSocket /api/live: a hello with the queue snapshot, then every ticket change and call as it commits.
 * Messages carry ticket numbers only, never customer data, so the lobby TV can listen too.
 */
export async function liveSocket(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 1024 } });
  // Same rule as GET /api/display: on the LAN a display token or a staff session, checked before the upgrade.
  app.get(
    '/api/live',
    { websocket: true, preValidation: async (req) => ctx.auth.authorizeDisplay(req) },
    (socket) => {
      const send = (m: LiveMessage) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
      };
      send({ type: 'hello', at: ctx.now(), snapshot: ctx.queue.snapshot(ctx.now()) });
      const off = ctx.queue.subscribe(send);
      const ping = setInterval(() => {
        if (socket.readyState === socket.OPEN) socket.ping();
      }, 15_000);
      socket.on('close', () => {
        clearInterval(ping);
        off();
      });
      socket.on('message', () => {
        // Read-only feed: clients never send; anything they do is ignored.
      });
    },
  );
}
