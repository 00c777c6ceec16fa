import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureEnrolled } from './enroll';

const dir = mkdtempSync(join(tmpdir(), 'enroll-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { deviceId: 'dev-1', file: join(dir, 'hub.json'), log: pino({ level: 'silent' }) };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('enrolling a terminal: what a person is told when it cannot', () => {
  it('without a login, says in both languages what to give', async () => {
    await expect(ensureEnrolled({ ...base, hub: 'http://10.9.9.9:5780', waitMs: 0 })).rejects.toThrow(
      /尚未在主机 http:\/\/10\.9\.9\.9:5780 登记.*not enrolled at http:\/\/10\.9\.9\.9:5780/,
    );
  });

  it('with a hub that never answers, gives up after the wait and says so', async () => {
    const hub = `http://127.0.0.1:${await closedPort()}`;
    const t0 = Date.now();
    await expect(
      ensureEnrolled({ ...base, hub, user: 'manager1', password: 'demo1234', waitMs: 1_200 }),
    ).rejects.toThrow(/连不上主机.*Cannot reach the hub/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_200);
  });
});
