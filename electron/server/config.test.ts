import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { assertBindAllowed, BindRefusedError, isLoopbackHost, readServeConfig } from './config';
import { startServer } from './start';

describe('serve config', () => {
  it('defaults to demo mode on 127.0.0.1 (the README’s `npm run serve`)', () => {
    const cfg = readServeConfig([], {}, '/srv');
    expect(cfg).toMatchObject({ demo: true, host: '127.0.0.1', lan: false, port: 5780 });
  });

  it('turns demo off with --no-demo or DEMO=0 (a production install)', () => {
    expect(readServeConfig(['--no-demo'], {}, '/srv').demo).toBe(false);
    expect(readServeConfig([], { DEMO: '0' }, '/srv').demo).toBe(false);
  });

  it('listens on the LAN only when asked: --lan (all interfaces) or LAN=1 with a host', () => {
    expect(readServeConfig(['--lan'], {}, '/srv')).toMatchObject({ lan: true, host: '0.0.0.0' });
    expect(readServeConfig(['--host', '192.168.1.10'], { LAN: '1' }, '/srv')).toMatchObject({
      lan: true,
      host: '192.168.1.10',
    });
    expect(() => assertBindAllowed(readServeConfig(['--host', '0.0.0.0'], {}, '/srv'))).toThrow(
      BindRefusedError,
    );
    expect(() => assertBindAllowed(readServeConfig(['--host', '192.168.1.10'], {}, '/srv'))).toThrow(/--lan/);
    expect(() => assertBindAllowed(readServeConfig(['--host', 'localhost'], {}, '/srv'))).not.toThrow();
  });

  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'branch-server'])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('refuses to start on a LAN address without the switch, before touching the data dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bind-'));
    try {
      const cfg = {
        ...readServeConfig(['--host', '0.0.0.0', '--data', join(dir, 'data')], {}, dir),
        port: 0,
      };
      await expect(
        startServer(cfg, { staticDir: null, log: pino({ level: 'silent' }) }),
      ).rejects.toBeInstanceOf(BindRefusedError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
