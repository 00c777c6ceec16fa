import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LAUNCH_HEADER, newLaunchToken, requireLaunchToken, withLaunchToken } from './launch-token';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

async function guarded(token: string): Promise<number> {
  server = createServer((_req, res) => res.end('inner'));
  server.on('upgrade', (_req, socket) =>
    socket.end('HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\r\n'),
  );
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  requireLaunchToken(server, token);
  return (server.address() as AddressInfo).port;
}

function get(port: number, headers: Record<string, string>, upgrade = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({
      port,
      host: '127.0.0.1',
      path: '/',
      headers: upgrade ? { ...headers, connection: 'Upgrade', upgrade: 'websocket' } : headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(`${res.statusCode}`);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requireLaunchToken', () => {
  it('passes requests with the token and refuses the rest with 403', async () => {
    const token = newLaunchToken();
    const port = await guarded(token);
    expect(await get(port, { [LAUNCH_HEADER]: token })).toBe('200 inner');
    expect(await get(port, {})).toMatch(/^403 /);
    expect(await get(port, { [LAUNCH_HEADER]: `${token}x` })).toMatch(/^403 /);
  });

  it('guards WebSocket upgrades too', async () => {
    const token = newLaunchToken();
    const port = await guarded(token);
    expect(await get(port, { [LAUNCH_HEADER]: token }, true)).toBe('101');
    expect(await get(port, {}, true)).toMatch(/^403/);
  });
});

describe('withLaunchToken', () => {
  const origin = 'http://127.0.0.1:4321';
  it('adds the header for the server over http and ws only', () => {
    expect(withLaunchToken(`${origin}/api/x`, { a: '1' }, origin, 't')).toEqual({
      a: '1',
      [LAUNCH_HEADER]: 't',
    });
    expect(withLaunchToken('ws://127.0.0.1:4321/api/live', {}, origin, 't')).toEqual({
      [LAUNCH_HEADER]: 't',
    });
  });
  it('never leaks it to another port, host or scheme', () => {
    for (const url of [
      'http://127.0.0.1:4322/',
      'http://hub.example:4321/',
      'https://127.0.0.1:4321/',
      'bad',
    ]) {
      expect(withLaunchToken(url, {}, origin, 't')).toEqual({});
    }
  });
});
