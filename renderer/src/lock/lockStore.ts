/**
 * Whether the session is locked, shared by the API client (which holds requests while locked) and
 * the lock overlay. A plain external store so the client needs no React.
 */

export type LockReason = 'idle' | 'server';

export interface LockSnapshot {
  locked: boolean;
  reason: LockReason | null;
}

const OPEN: LockSnapshot = { locked: false, reason: null };

export class SessionLock {
  private snap: LockSnapshot = OPEN;
  private readonly listeners = new Set<() => void>();
  private waiters: ((unlocked: boolean) => void)[] = [];

  readonly get = (): LockSnapshot => this.snap;

  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The first reason wins: a server lock after an idle lock is the same lock. */
  lock(reason: LockReason): void {
    if (this.snap.locked) return;
    this.snap = { locked: true, reason };
    this.emit();
  }

  /** The password was accepted: held requests go out. */
  unlock(): void {
    this.release(true);
  }

  /** The user logs out from the lock screen: held requests fail. */
  abandon(): void {
    this.release(false);
  }

  /** Resolves at once when open; otherwise true on unlock, false when abandoned. */
  whenUnlocked(): Promise<boolean> {
    if (!this.snap.locked) return Promise.resolve(true);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(unlocked: boolean): void {
    const waiters = this.waiters;
    this.waiters = [];
    const changed = this.snap.locked;
    this.snap = OPEN;
    if (changed) this.emit();
    for (const w of waiters) w(unlocked);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}

export const sessionLock = new SessionLock();
