import type { FastifyInstance } from 'fastify';
import type { OwnerAlerts } from '../app/outreach';
import type { Auth } from './auth';

/**
 * WebSocket /api/alerts: a staff member's own feed. Unlike /api/live (ticket numbers only, the lobby TV listens),
 * it names the customer, so it needs a staff session and carries only what is addressed to that person: the owner
 * alert when one of their customers is identified in the lobby (Step 14).
 */
export async function alertSocket(
  app: FastifyInstance,
  deps: { auth: Auth; alerts: OwnerAlerts },
): Promise<void> {
  const { auth, alerts } = deps;
  app.get(
    '/api/alerts',
    {
      websocket: true,
      // A locked screen still hears that a customer has arrived; checking here refuses the upgrade itself.
      preValidation: async (req) => {
        auth.authenticate(req, ['rm', 'manager', 'admin'], { allowLocked: true });
      },
    },
    (socket, req) => {
      const me = auth.authenticate(req, ['rm', 'manager', 'admin'], { allowLocked: true });
      const off = alerts.listen(me.id, (a) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(a));
      });
      const ping = setInterval(() => {
        if (socket.readyState === socket.OPEN) socket.ping();
      }, 15_000);
      socket.on('close', () => {
        clearInterval(ping);
        off();
      });
      socket.on('message', () => {
        // Read-only feed.
      });
    },
  );
}
