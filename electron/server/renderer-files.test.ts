import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandlers } from './errors';
import { serveRenderer } from './renderer-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>网点分流</title>');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1);');
  mkdirSync(join(dir, 'beside'));
  writeFileSync(join(dir, 'beside', 'secret.txt'), 'SECRET-BESIDE');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function app(home: Parameters<typeof serveRenderer>[2], at: string | null = dir) {
  const a = Fastify();
  installErrorHandlers(a);
  a.get('/api/health', () => ({ status: 'ok' }));
  const served = await serveRenderer(a, at, home);
  await a.ready();
  return { a, served };
}

describe('serveRenderer', () => {
  let branch: FastifyInstance;
  beforeAll(async () => {
    branch = (await app('spa')).a;
  });
  afterAll(() => branch.close());

  it('serves the SPA at / and for client routes, not cached', async () => {
    for (const url of ['/', '/lobby', '/display?screen=2', '/counter/3']) {
      const r = await branch.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('网点分流');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets behind /assets/, GET and HEAD, and 404s a missing one as JSON', async () => {
    const js = await branch.inject({ url: '/assets/index-AbC123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.body).toBe('console.log(1);');
    expect((await branch.inject({ method: 'HEAD', url: '/assets/index-AbC123.js' })).statusCode).toBe(200);
    const missing = await branch.inject({ url: '/assets/gone-111.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('serves the other top-level files, and nothing outside assets/ and those', async () => {
    const icon = await branch.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/svg/);
    for (const url of [
      '/beside/secret.txt',
      '/assets/../beside/secret.txt',
      '/assets/%2e%2e/beside/secret.txt',
      '/assets/..%2fbeside%2fsecret.txt',
    ]) {
      expect((await branch.inject({ url })).body, url).not.toContain('SECRET');
    }
  });

  it('answers unknown API paths with a bilingual JSON 404, and leaves real ones alone', async () => {
    const r = await branch.inject({ url: '/api/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'no_route' } });
    expect(r.body).toContain('接口不存在');
    expect((await branch.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it("sends the head office's / to its screen, with the SPA behind it", async () => {
    const { a } = await app({ redirect: '/ho/reports' });
    const home = await a.inject({ url: '/' });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/ho/reports');
    expect((await a.inject({ url: '/ho/reports' })).body).toContain('网点分流');
    await a.close();
  });

  it('serves nothing from a folder without a built renderer', async () => {
    const { a, served } = await app('spa', join(dir, 'assets'));
    expect(served).toBe(false);
    expect((await a.inject({ url: '/' })).statusCode).toBe(404);
    await a.close();
  });
});
