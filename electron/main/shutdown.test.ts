import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from './shutdown';

function recorder(stopServer: () => Promise<void> = async () => undefined) {
  const order: string[] = [];
  const steps = {
    closeWindows: () => order.push('closeWindows'),
    stopServer: async () => {
      order.push('stopServer');
      await stopServer();
      order.push('serverStopped');
    },
    closeLog: () => order.push('closeLog'),
    exit: (code: number) => order.push(`exit ${code}`),
  };
  return { order, steps, log: { info: vi.fn(), error: vi.fn() } };
}

describe('createShutdown', () => {
  it('closes windows, then waits for the server, then the log, then exits', async () => {
    const { order, steps, log } = recorder();
    await createShutdown(steps, log).begin();
    expect(order).toEqual(['closeWindows', 'stopServer', 'serverStopped', 'closeLog', 'exit 0']);
  });

  it('does not exit before the server has stopped', async () => {
    let release = () => {};
    const { order, steps, log } = recorder(() => new Promise<void>((r) => (release = r)));
    const done = createShutdown(steps, log).begin();
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['closeWindows', 'stopServer']);
    release();
    await done;
    expect(order.at(-1)).toBe('exit 0');
  });

  it('runs once however often quit is asked for', async () => {
    const { order, steps, log } = recorder();
    const s = createShutdown(steps, log);
    expect(s.started).toBe(false);
    const a = s.begin();
    const b = s.begin();
    expect(s.started).toBe(true);
    expect(a).toBe(b);
    await a;
    expect(order.filter((o) => o === 'stopServer')).toHaveLength(1);
  });

  it('a quit asked for by closing the last window during shutdown joins it', async () => {
    const { order, steps, log } = recorder();
    const s = createShutdown(
      {
        ...steps,
        closeWindows: () => {
          steps.closeWindows();
          void s.begin(); // 'window-all-closed' → app.quit() → 'before-quit'
        },
      },
      log,
    );
    await s.begin();
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['closeWindows', 'stopServer', 'serverStopped', 'closeLog', 'exit 0']);
  });

  it('still closes the log and exits (code 1) when the server fails to stop', async () => {
    const { order, steps, log } = recorder(async () => {
      throw new Error('checkpoint failed');
    });
    await createShutdown(steps, log).begin();
    expect(order).toEqual(['closeWindows', 'stopServer', 'closeLog', 'exit 1']);
    expect(log.error).toHaveBeenCalled();
  });
});
