import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { LiveMessage } from '@shared/api/queue';
import type { QueueApp } from '../app/queue';
import type { Auth } from './auth';

/**
 * WebSocket /api/live: a hello with the queue snapshot, then every change as it commits, carrying what changed
 * (the ticket, the queues and counters it touched; every counter after a counter change), so screens update
 * without refetching. Messages carry ticket numbers only, never customer data, so the lobby TV can listen too.
 */
/**
 * Each message as JSON, made once however many screens listen (every counter, the lobby and the TV get every
 * change; the board builds one message object per change and hands the same one to every socket).
 */
const json = new WeakMap<LiveMessage, string>();
function serialized(m: LiveMessage): string {
  let s = json.get(m);
  if (s === undefined) {
    s = JSON.stringify(m);
    json.set(m, s);
  }
  return s;
}

export async function liveSocket(
  app: FastifyInstance,
  deps: { auth: Auth; queue: QueueApp; now: () => number },
): Promise<void> {
  const { auth, queue } = deps;
  await app.register(websocket, { options: { maxPayload: 1024 } });
  // Same rule as GET /api/display: on the LAN a display token or a staff session, checked before the upgrade.
  app.get(
    '/api/live',
    { websocket: true, preValidation: async (req) => auth.authorizeDisplay(req) },
    (socket, req) => {
      // The changes of one moment (a group of ticket events committed together, db/group-commit.ts) leave in one
      // write: the TCP socket is corked at the first and uncorked once the current callback is done. A write per
      // message was a tenth of the server's time in a busy hall (P3 in BENCH.md).
      const raw = req.socket;
      let corked = false;
      const uncork = () => {
        corked = false;
        raw.uncork();
      };
      const send = (m: LiveMessage) => {
        if (socket.readyState !== socket.OPEN) return;
        if (!corked) {
          corked = true;
          raw.cork();
          process.nextTick(uncork);
        }
        socket.send(serialized(m));
      };
      const now = deps.now();
      send({ type: 'hello', at: now, snapshot: queue.snapshot(now) });
      const off = queue.subscribe(send);
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
