import { test as base } from '@playwright/test';
import { branchDay, DEFAULT_TIME_ZONE } from '../../shared/queue/numbering';

// Specs import everything from here; `test` below replaces Playwright's with one that has the branch-day guard.
export * from '@playwright/test';

/**
 * The e2e server runs on the real clock, and a branch day ends at midnight in the branch's zone (the demo branch's
 * is the default). A test that issues a ticket at 23:59:59 and serves it a second later meets the next day's empty
 * board, rightly; so does a serial spec's next test. That is the run crossing midnight (16:00 UTC), not the product,
 * and it failed a run once. A test that would start within its own time limit (plus a margin for a serial spec's
 * next test) of the branch's midnight waits until the new day has begun instead.
 */
const MARGIN_MS = 120_000;
/**
 * The longest limit a spec sets in its body (step16-needs-form's): the guard runs before the body's
 * test.setTimeout, so it cannot read it, and takes the longer of this and the configured limit.
 */
const LONGEST_TEST_MS = 420_000;
const POLL_MS = 1_000;

export function crossesBranchDay(now: number, windowMs: number, timeZone = DEFAULT_TIME_ZONE): boolean {
  return branchDay(now, timeZone) !== branchDay(now + windowMs, timeZone);
}

export const test = base.extend<{ branchDayGuard: void }>({
  branchDayGuard: [
    // Playwright reads fixture names from the first parameter's pattern, so it must be a (here empty) pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const start = Date.now();
      if (crossesBranchDay(start, Math.max(testInfo.timeout, LONGEST_TEST_MS) + MARGIN_MS)) {
        const day = branchDay(start);
        testInfo.annotations.push({
          type: 'branch-day',
          description: `waited for the day after ${day} to begin`,
        });
        while (branchDay(Date.now()) === day) await new Promise((r) => setTimeout(r, POLL_MS));
      }
      await use();
    },
    // The wait is at most the window above; it must not count against the test's own limit.
    { auto: true, timeout: LONGEST_TEST_MS + MARGIN_MS + 60_000 },
  ],
});
