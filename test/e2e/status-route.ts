import type { Page } from '@playwright/test';

/**
 * Runs `body` with the page's status polls (/api/sync/status) answered by the server's reply with `patch` laid over
 * it: a banner the e2e server would not raise itself (a failed backup, a head-office link down for a day). The shell
 * keeps polling; a poll still in the handler when the page closed found its reply disposed ("apiResponse.json:
 * Response has been disposed") and failed a test that had passed, beside a CPU hog: Playwright waits for route
 * handlers at close and reports their errors. So the handler is removed after `body`, its errors ignored.
 */
export async function withStatusReply(
  page: Page,
  patch: () => Record<string, unknown>,
  body: () => Promise<void>,
): Promise<void> {
  await page.route('**/api/sync/status*', async (route) => {
    const res = await route.fetch();
    const status = (await res.json()) as Record<string, unknown>;
    await route.fulfill({ response: res, json: { ...status, ...patch() } });
  });
  try {
    await body();
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
}
