import { describe, expect, it, vi } from 'vitest';
import { SessionLock } from './lockStore';

describe('SessionLock', () => {
  it('is open at first and lets requests through at once', async () => {
    const s = new SessionLock();
    expect(s.get()).toEqual({ locked: false, reason: null });
    await expect(s.whenUnlocked()).resolves.toBe(true);
  });

  it('holds waiters until the unlock and tells subscribers', async () => {
    const s = new SessionLock();
    const seen = vi.fn();
    s.subscribe(() => seen(s.get()));
    s.lock('idle');
    const a = s.whenUnlocked();
    const b = s.whenUnlocked();
    let settled = false;
    void a.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    s.unlock();
    await expect(a).resolves.toBe(true);
    await expect(b).resolves.toBe(true);
    expect(seen.mock.calls.map((c) => c[0])).toEqual([
      { locked: true, reason: 'idle' },
      { locked: false, reason: null },
    ]);
  });

  it('keeps the first reason when the server also reports the lock', () => {
    const s = new SessionLock();
    s.lock('idle');
    s.lock('server');
    expect(s.get().reason).toBe('idle');
  });

  it('fails the held requests when the user logs out from the lock screen', async () => {
    const s = new SessionLock();
    s.lock('server');
    const w = s.whenUnlocked();
    s.abandon();
    await expect(w).resolves.toBe(false);
    expect(s.get().locked).toBe(false);
  });

  it('stops telling a subscriber that left', () => {
    const s = new SessionLock();
    const fn = vi.fn();
    const off = s.subscribe(fn);
    off();
    s.lock('idle');
    expect(fn).not.toHaveBeenCalled();
  });
});
