import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/start';

const GRACE_MS = 300;
let dir: string;
let server: RunningServer | null = null;
const cleanup: (() => void)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0)) c();
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<RunningServer> {
  dir = mkdtempSync(join(tmpdir(), 'shutdown-test-'));
  server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      lan: false,
      dataDir: join(dir, 'data'),
      role: 'hub',
      demo: true,
      demoCustomers: 5,
      logLevel: 'silent',
    },
    { staticDir: null, log: pino({ level: 'silent' }), closeGraceMs: GRACE_MS },
  );
  return server;
}

function get(agent: Agent, url: string, path: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: u.hostname, port: u.port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function timedClose(s: RunningServer): Promise<number> {
  const t0 = performance.now();
  await s.close();
  return performance.now() - t0;
}

describe('server close()', () => {
  it('returns promptly with an open keep-alive client', async () => {
    const s = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy());
    expect(await get(agent, s.url, '/api/health')).toBe(200);
    expect(await get(agent, s.url, '/api/health')).toBe(200);
    // The agent holds the socket open, idle, waiting for the next request.
    expect(await timedClose(s)).toBeLessThan(GRACE_MS);
  });

  it('returns promptly while a keep-alive client keeps sending requests', async () => {
    const s = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy());
    let running = true;
    const client = (async () => {
      while (running) {
        try {
          await get(agent, s.url, '/api/health');
        } catch {
          return;
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    expect(await timedClose(s)).toBeLessThan(GRACE_MS);
    running = false;
    await client;
  });

  it('does not wait for a client stuck in the middle of a request (dropped after the grace period)', async () => {
    const s = await start();
    const u = new URL(s.url);
    const sock: Socket = connect(Number(u.port), u.hostname);
    cleanup.push(() => sock.destroy());
    await new Promise((r) => sock.once('connect', r));
    const closed = new Promise((r) => sock.once('close', r));
    sock.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'); // headers never finished
    await new Promise((r) => setTimeout(r, 50));
    const ms = await timedClose(s);
    expect(ms).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(ms).toBeLessThan(GRACE_MS + 2000);
    await closed;
  });
});
