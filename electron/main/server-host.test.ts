import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromServer, StartRequest, ToServer } from './server-process';

class FakeChild extends EventEmitter {
  posted: ToServer[] = [];
  kill = vi.fn(() => true);
  postMessage(m: ToServer) {
    this.posted.push(m);
  }
  reply(m: FromServer) {
    this.emit('message', m);
  }
}
let child = new FakeChild();
const fork = vi.fn((..._args: unknown[]) => child);
vi.mock('electron', () => ({ utilityProcess: { fork: (...a: unknown[]) => fork(...a) } }));

const { startServerProcess, startupErrorText } = await import('./server-host');

const request: StartRequest = {
  cfg: {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/d',
    role: 'hub',
    demo: true,
    demoCustomers: 0,
    logLevel: 'info',
  },
  staticDir: '/r',
  token: 'secret',
  logFile: '/l/server.log',
};
const fast = { start: 50, stop: 50 };

beforeEach(() => {
  child = new FakeChild();
  fork.mockClear();
});

describe('startServerProcess', () => {
  it('forks the entry, sends the start request (token included) and resolves with the URL', async () => {
    const started = startServerProcess('/app/server-process.cjs', request, fast);
    expect(fork).toHaveBeenCalledWith(
      '/app/server-process.cjs',
      [],
      expect.objectContaining({ serviceName: 'branch-server' }),
    );
    expect(child.posted).toEqual([{ type: 'start', ...request }]);
    child.reply({ type: 'ready', url: 'http://127.0.0.1:41234' });
    expect((await started).url).toBe('http://127.0.0.1:41234');
  });

  it('rejects with the server’s own message when it cannot start', async () => {
    const started = startServerProcess('/e', request, fast);
    child.reply({ type: 'failed', message: 'database is locked' });
    await expect(started).rejects.toThrow('database is locked');
  });

  it('rejects when the process dies before it is ready', async () => {
    const started = startServerProcess('/e', request, fast);
    child.emit('exit', 3);
    await expect(started).rejects.toThrow(/code 3/);
  });

  it('kills a server that does not become ready in time', async () => {
    await expect(startServerProcess('/e', request, fast)).rejects.toThrow(/did not start/);
    expect(child.kill).toHaveBeenCalled();
  });
});

describe('ServerHandle', () => {
  async function running() {
    const started = startServerProcess('/e', request, fast);
    child.reply({ type: 'ready', url: 'http://127.0.0.1:1' });
    return started;
  }

  it('stop() sends stop and resolves only once the process has exited cleanly', async () => {
    const s = await running();
    let done = false;
    const stopping = s.stop().then(() => (done = true));
    expect(child.posted.at(-1)).toEqual({ type: 'stop' });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    child.emit('exit', 0);
    await stopping;
    expect(done).toBe(true);
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('stop() kills a server that hangs, and says so', async () => {
    const s = await running();
    await expect(s.stop()).rejects.toThrow(/did not stop/);
    expect(child.kill).toHaveBeenCalled();
  });

  it('reports a crash, but not the exit that stop() asked for', async () => {
    const crashed = vi.fn();
    const s = await running();
    s.onCrash(crashed);
    child.emit('exit', 139);
    expect(crashed).toHaveBeenCalledWith(139);

    child = new FakeChild();
    const t = await running();
    const crashed2 = vi.fn();
    t.onCrash(crashed2);
    const stopping = t.stop();
    child.emit('exit', 0);
    await stopping;
    expect(crashed2).not.toHaveBeenCalled();
  });
});

describe('startupErrorText', () => {
  it('explains the usual cause of a native-module ABI mismatch and says where the logs are', () => {
    const text = startupErrorText(
      new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.'),
      '/u/logs',
    );
    expect(text).toContain('--electron --native');
    expect(text).toContain('/u/logs');
  });
  it('shows other errors as they are', () => {
    expect(startupErrorText('disk full', '/u/logs')).toBe('disk full\n\n日志 Logs: /u/logs');
  });
});
