import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((event: string, fn: () => void) => listeners.set(event, fn)),
  };
  return {
    app: app as unknown as Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
    raw: app,
    listeners,
  };
}

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('claimSingleInstance', () => {
  it('the second copy quits at once and opens nothing', () => {
    const { app, raw } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(raw.quit).toHaveBeenCalled();
    expect(raw.on).not.toHaveBeenCalled();
  });

  it('the first copy restores and focuses its window when launched again', () => {
    const { app, raw, listeners } = fakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app, () => win)).toBe(true);
    expect(raw.quit).not.toHaveBeenCalled();
    listeners.get('second-instance')?.();
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second launch before any window exists is harmless', () => {
    const { app, listeners } = fakeApp(true);
    claimSingleInstance(app, () => null);
    expect(() => listeners.get('second-instance')?.()).not.toThrow();
  });
});
