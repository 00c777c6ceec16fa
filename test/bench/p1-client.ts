/**
 * The P1 load client, a process of its own: sequential keep-alive requests over one socket
 * (node:http with a keep-alive agent), timing each round trip. Alternates /api/health (the floor)
 * and lookups request by request, so both see the same machine noise.
 *
 *   node --import tsx test/bench/p1-client.ts CONFIG.json  → prints JSON {health: [...ms], lookup: [...ms], errors}
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';

interface Config {
  url: string;
  token: string;
  queries: string[];
  warmup: number;
  rounds: number;
  perRound: number;
}

const cfg = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Config;
const target = new URL(cfg.url);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const auth = `Bearer ${cfg.token}`;

function get(path: string, withAuth: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path,
        method: 'GET',
        headers: withAuth ? { authorization: auth } : {},
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const health = () => get('/api/health', false);
let qi = 0;
const lookup = () =>
  get(
    `/api/customers/lookup?q=${encodeURIComponent(cfg.queries[qi++ % cfg.queries.length] as string)}`,
    true,
  );

async function timed(fn: () => Promise<number>, n: number, out: number[] | null): Promise<number> {
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const status = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (status !== 200) errors++;
    out?.push(ms);
  }
  return errors;
}

const healthMs: number[] = [];
const lookupMs: number[] = [];
let errors = 0;
await timed(health, cfg.warmup, null);
errors += await timed(lookup, cfg.warmup, null);
// Floor and lookup alternate request by request (the order flipping every pair), not in blocks of a thousand: a
// change in the machine's load, or work the server defers (the audit's group commit), hits both alike.
for (let i = 0; i < cfg.rounds * cfg.perRound; i++) {
  if (i % 2 === 0) {
    await timed(health, 1, healthMs);
    errors += await timed(lookup, 1, lookupMs);
  } else {
    errors += await timed(lookup, 1, lookupMs);
    await timed(health, 1, healthMs);
  }
}
agent.destroy();
process.stdout.write(JSON.stringify({ health: healthMs, lookup: lookupMs, errors }) + '\n');
