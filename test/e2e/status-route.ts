import type { Page } from '@playwright/test';

/**
 * Runs `body` with the page's status polls (/api/sync/status) answered by the server's reply with `patch` laid over
 * it: a banner the e2e server would not raise itself (a failed backup, a head-office link down for a day). The shell
 * keeps polling; a poll still in the handler when the page navigated or closed found its reply disposed
 * ("apiResponse.json: Response has been disposed"), and Playwright reported the handler's error as the test's: a
 * test whose steps had passed failed beside a CPU hog. So a poll that went away is let go, and the handler is
 * removed after `body` with its errors ignored (Playwright waits for route handlers at close otherwise).
 */
export async function withStatusReply(
  page: Page,
  patch: () => Record<string, unknown>,
  body: () => Promise<void>,
): Promise<void> {
  await page.route('**/api/sync/status*', async (route) => {
    try {
      const res = await route.fetch();
      const status = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: { ...status, ...patch() } });
    } catch {
      // The poll went away while its reply was fetched (the page navigated or closed): nothing left to patch.
      await route.abort().catch(() => undefined);
    }
  });
  try {
    await body();
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
}
