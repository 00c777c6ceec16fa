import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, installErrorHandlers } from '../errors';
import { limitKeyAttempts } from './key-attempts';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

/** A head-office-like route: the key "good" passes, anything else is refused as the real one refuses. */
async function server(clock: { t: number }) {
  const app = Fastify();
  apps.push(app);
  installErrorHandlers(app);
  limitKeyAttempts(app, { perWindow: 3, windowMs: 60_000, now: () => clock.t });
  app.get('/api/ho/branches', async (req) => {
    if (req.headers.authorization !== 'Bearer good')
      throw new ApiError(401, 'bad_admin_key', '密钥无效', 'Bad key');
    return { ok: true };
  });
  await app.ready();
  const call = async (key: string, ip = '10.0.0.1') =>
    app.inject({ url: '/api/ho/branches', headers: { authorization: `Bearer ${key}` }, remoteAddress: ip });
  return call;
}

describe('wrong head-office keys from one address', () => {
  it('are refused with 429 after the limit, for that address only, until the minute is over', async () => {
    const clock = { t: 1_000_000 };
    const call = await server(clock);
    for (let i = 0; i < 3; i++) expect((await call('nope')).statusCode).toBe(401);
    const limited = await call('nope');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: { code: 'too_many_attempts', zh: expect.stringContaining('密钥错误次数过多') },
    });
    // Even the right key waits: the address is the one being limited.
    expect((await call('good')).statusCode).toBe(429);
    // Another address (another branch) is not affected.
    expect((await call('good', '10.0.0.2')).statusCode).toBe(200);
    clock.t += 60_000;
    expect((await call('good')).statusCode).toBe(200);
  });

  it('never limits an address whose keys are good', async () => {
    const clock = { t: 0 };
    const call = await server(clock);
    for (let i = 0; i < 20; i++) expect((await call('good')).statusCode).toBe(200);
  });
});
