import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Store } from '../db/connection';
import { Upkeep } from './upkeep';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An upkeep whose journal counts the prune calls (each finds nothing to remove). */
function counted(): { upkeep: Upkeep; runs: () => number } {
  let calls = 0;
  const upkeep = new Upkeep({
    // Only tx() is used: each batch is its own transaction.
    store: { tx: <T>(fn: () => T): T => fn() } as unknown as Store,
    journal: {
      pruneOld: () => {
        calls++;
        return 0;
      },
      prunePushed: () => 0,
      pruneApplied: () => 0,
    },
    hub: true,
    now: () => 1_764_400_000_000,
    keepDays: () => 60,
    log: pino({ level: 'silent' }),
  });
  return { upkeep, runs: () => calls };
}

describe('the hourly upkeep schedule', () => {
  it('runs at once by default', async () => {
    const { upkeep, runs } = counted();
    upkeep.schedule(3_600_000);
    await upkeep.stop();
    expect(runs()).toBe(1);
  });

  it('with a first delay runs only once it has passed, and not at all when stopped before', async () => {
    const early = counted();
    early.upkeep.schedule(3_600_000, 40);
    expect(early.runs()).toBe(0);
    await early.upkeep.stop();
    await sleep(100);
    expect(early.runs()).toBe(0);

    const late = counted();
    late.upkeep.schedule(3_600_000, 40);
    expect(late.runs()).toBe(0);
    await sleep(100);
    await late.upkeep.stop();
    expect(late.runs()).toBe(1);
  });
});
