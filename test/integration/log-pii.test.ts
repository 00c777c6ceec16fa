import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { buildApp } from '../../electron/server/app';
import { createLogger } from '../../electron/server/logger';
import { startTestServer, type TestServer } from './harness';

/**
 * The server's real logger (pino + scrubbing) at debug level, so every request is logged with its URL, drives
 * lookups, bodies and error paths that carry ID, phone and card numbers; the captured log must hold none of them
 * in clear, and pino's `time` must stay the epoch-ms number it was.
 */
const { idNumber: ID, phone: PHONE, card: CARD } = SHOWCASE.private;
const grouped = (s: string) => s.replace(/(\d{4})(?=\d)/g, '$1 ');
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, cb) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    cb();
  },
});

let s: TestServer;
let second: FastifyInstance;
const started = Date.now();

beforeAll(async () => {
  s = await startTestServer({ log: createLogger({ level: 'debug', destination: sink }) });
  const t = await s.login('lobby1');
  const h = { authorization: `Bearer ${t}` };
  const inject = (o: InjectOptions) => s.app.inject(o);
  for (const q of [
    ID,
    PHONE,
    CARD,
    grouped(CARD),
    `${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}-${PHONE.slice(7)}`,
  ]) {
    await inject({ method: 'GET', url: `/api/customers/lookup?q=${encodeURIComponent(q)}`, headers: h });
    await inject({ method: 'GET', url: `/api/customers/lookup?q=${q.replace(/ /g, '+')}`, headers: h });
  }
  // Not found, a bad check digit, and numbers in paths and bodies.
  await inject({ method: 'GET', url: `/api/customers/lookup?q=${ID.slice(0, 17)}9`, headers: h });
  await inject({ method: 'GET', url: `/api/customers/${ID}`, headers: h });
  await inject({ method: 'GET', url: `/api/no/such/${PHONE}` });
  await inject({ method: 'POST', url: '/api/session', payload: { username: ID, password: PHONE } });
  await inject({
    method: 'POST',
    url: '/api/triage',
    headers: { ...h, 'content-type': 'application/json' },
    payload: `{"customerId":"${ID}","intents":["${CARD}"]`,
  });
  await inject({
    method: 'POST',
    url: '/api/triage',
    headers: h,
    payload: { customerId: PHONE, intents: [CARD] },
  });
  await inject({ method: 'GET', url: `/api/display?token=${'s3cr3t'.repeat(8)}&q=${CARD}` });
  // Application code logging numbers directly, as text and as fields.
  s.ctx.log.info(
    { phone: PHONE, card: CARD, idNumber: ID, asNumber: Number(PHONE) },
    `walk-in ${ID} ${grouped(CARD)}`,
  );
  s.ctx.log.warn({ err: new Error(`cannot serve ${ID}, phone ${PHONE}`) }, 'failed');

  // An unexpected exception in a handler: the 500 path logs the error and the request.
  second = await buildApp(s.ctx);
  second.get('/boom/:n', () => {
    throw new Error(`database said no for ${ID} / ${PHONE} / ${CARD}`);
  });
  await second.ready();
  const boom = await second.inject({ method: 'GET', url: `/boom/${CARD}?phone=${PHONE}` });
  expect(boom.statusCode).toBe(500);
  expect(boom.body).not.toContain(ID);
});
afterAll(async () => {
  await second.close();
  await s.stop();
});

describe('logs', () => {
  it('logged the requests (the test is not vacuous)', () => {
    const urls = lines.filter((l) => l.includes('/api/customers/lookup'));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(lines.some((l) => l.includes('database said no'))).toBe(true);
    expect(lines.some((l) => l.includes('walk-in'))).toBe(true);
  });

  it('hold no unmasked ID, phone or card number, in any form', () => {
    const log = lines.join('\n');
    for (const v of [
      ID,
      PHONE,
      CARD,
      grouped(CARD),
      ID.slice(0, 17),
      `${PHONE.slice(3, 7)}-${PHONE.slice(7)}`,
    ]) {
      expect(log, v).not.toContain(v);
    }
    // Digits only, separators removed: not even the middle digits a mask hides.
    const digitsOnly = log.replace(/[ +-]|%20/g, '');
    for (const v of [CARD, ID.slice(6, -4), CARD.slice(6, -4), PHONE.slice(3)])
      expect(digitsOnly, v).not.toContain(v);
    expect(log).toContain('330106********0313');
    expect(log).toContain('138****6688');
  });

  it('drop display tokens from URLs', () => {
    expect(lines.join('\n')).not.toContain('s3cr3t');
    expect(lines.some((l) => l.includes('token=[redacted]'))).toBe(true);
  });

  it('keep every line JSON with pino’s time intact', () => {
    for (const l of lines) {
      const row = JSON.parse(l) as { time: unknown };
      expect(typeof row.time, l).toBe('number');
      expect(row.time as number).toBeGreaterThanOrEqual(started - 1000);
      expect(row.time as number).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });
});
