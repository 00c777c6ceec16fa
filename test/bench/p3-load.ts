/**
 * P3 load generator, run as its own process: N clients each loop issue → call-next → start → finish on their
 * own counter for D seconds, while one WebSocket client measures commit → arrival of each live message.
 */
import { Agent, request } from 'node:http';
import { WebSocket } from 'ws';
import { summarize, round } from './stats';

const [url, durationS, clientsJson] = process.argv.slice(2) as [string, string, string];
/** Each client: its counter and the token of the teller signed in there. */
const clients = JSON.parse(clientsJson) as { counterId: string; token: string }[];
const deadline = Date.now() + Number(durationS) * 1000;

let events = 0;
let errors = 0;
const pushMs: number[] = [];

// node:http with a keep-alive agent costs the load process far less CPU per request than fetch, and the server
// shares the machine's two cores with it.
const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
const target = new URL(url);

function post(token: string, path: string, body: unknown): Promise<unknown> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300) {
            errors++;
            resolve(null);
            return;
          }
          events++;
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function client({ counterId, token }: { counterId: string; token: string }): Promise<void> {
  while (Date.now() < deadline) {
    await post(token, '/api/tickets', { customerId: null, intents: ['account_open'] });
    const called = (await post(token, `/api/counters/${counterId}/call-next`, {})) as {
      ticket: { id: string } | null;
    } | null;
    const id = called?.ticket?.id;
    if (!id) continue;
    await post(token, `/api/tickets/${id}/events`, { type: 'start', counterId });
    await post(token, `/api/tickets/${id}/events`, {
      type: 'finish',
      counterId,
      payload: { servicesDone: ['account_open'] },
    });
  }
}

const ws = new WebSocket(url.replace('http', 'ws') + '/api/live');
await new Promise<void>((resolve, reject) => {
  ws.once('open', () => resolve());
  ws.once('error', reject);
});
ws.on('message', (data: Buffer) => {
  const m = JSON.parse(data.toString()) as { type: string; at: number };
  if (m.type === 'ticket') pushMs.push(Date.now() - m.at);
});

const started = Date.now();
await Promise.all(clients.map(client));
const seconds = (Date.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 300));
ws.close();
const s = summarize(pushMs);
process.stdout.write(
  JSON.stringify({
    events,
    errors,
    seconds,
    events_per_s: round(events / seconds, 0),
    push_p50_ms: round(s.p50, 1),
    push_p99_ms: round(s.p99, 1),
    pushes: s.n,
  }) + '\n',
);
