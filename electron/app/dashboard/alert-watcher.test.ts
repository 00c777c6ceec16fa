import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveMessage, QueueSnapshot } from '@shared/api/queue';
import { AlertWatcher, type DashboardApp, type LiveFeed } from './live';

/** A feed the test drives, and a dashboard whose alert check takes `checkMs` of real time. */
function setUp(checkMs: number) {
  const listeners = new Set<(m: LiveMessage) => void>();
  const feed: LiveFeed = {
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    emit: () => undefined,
  };
  const checks: number[] = [];
  const app = {
    alerts: () => {
      checks.push(performance.now());
      const until = performance.now() + checkMs;
      while (performance.now() < until) {
        // The whole day read and folded, as at a very busy branch.
      }
      return { at: Date.now(), alerts: [] };
    },
  } as unknown as DashboardApp;
  const change = () => {
    for (const fn of listeners) fn({ type: 'snapshot', at: Date.now(), snapshot: {} as QueueSnapshot });
  };
  const watcher = new AlertWatcher(
    app,
    feed,
    { warn: () => undefined },
    { debounceMs: 10, everyMs: 3_600_000 },
  );
  return { watcher, checks, change };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('AlertWatcher', () => {
  it('checks shortly after a change while the check is cheap', async () => {
    const { watcher, checks, change } = setUp(0);
    stop = () => watcher.stop();
    change();
    await vi.waitFor(() => expect(checks).toHaveLength(1), { timeout: 5_000 });
    change();
    await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 5_000 });
  });

  it('after a slow check, waits at least 50 times as long before the next one (a busy day stays fast)', async () => {
    const { watcher, checks, change } = setUp(20);
    stop = () => watcher.stop();
    change();
    await vi.waitFor(() => expect(checks).toHaveLength(1), { timeout: 5_000 });
    const firstDone = performance.now();
    change();
    // 20 ms × 50 = 1 s at least; a loaded machine only makes the check (and so the wait) longer.
    await new Promise((r) => setTimeout(r, 500));
    expect(checks).toHaveLength(1);
    await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 10_000 });
    expect((checks[1] as number) - firstDone).toBeGreaterThanOrEqual(950);
  });
});
