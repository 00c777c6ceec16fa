import { expect, test, type Browser, type Page } from './fixtures';
import { LobbyPage, LoginPage } from './pages';
import { apiAs, customerIdOf, releaseCustomer } from './floor-helpers';
import { SIZES } from './screens';

// Issue 14 items 2–8: the lobby with a customer's existing ticket and the floor view, at the branch's screen
// sizes and in English, saved to test/output/screens/step10/ to be looked at.

/** A generated demo customer no other spec uses. */
const HOLDER = 'C100001888';

async function lobbyAt(browser: Browser, viewport: { width: number; height: number }, lang: 'zh-CN' | 'en') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login('lobby1');
  if (lang === 'en') {
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.reload();
  }
  return { context, page };
}

const noSidewaysScroll = (page: Page) =>
  expect
    .poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    )
    .toBeLessThanOrEqual(0);

test('lobby (a customer holding a ticket) and the floor at 1080p, 768p, tablet and in English', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(330_000);
  const base = baseURL as string;
  const api = await apiAs(base, 'lobby1');
  const holder = await customerIdOf(api, HOLDER);
  // Set up afresh for every scene: the scenes take minutes, and a run that crosses midnight (Beijing time) starts a
  // new branch day in which the tickets issued before it are no longer open.
  const setUpFloor = async () => {
    await releaseCustomer(base, HOLDER);
    const issued = await api.post('/api/tickets', {
      data: { customerId: holder, intents: ['cash'], flags: {} },
    });
    expect(issued.status()).toBe(201);
    // The floor has something of each kind: a self-service walk-in and a counter one (issued again only when the
    // day has none open, so the scenes do not pile walk-ins onto the queues later specs call from).
    const open = (await (await api.get('/api/floor')).json()) as {
      tickets: { customer: unknown; selfService: boolean }[];
    };
    const walkIns = open.tickets.filter((t) => t.customer === null);
    for (const [intents, selfService] of [
      [['statement'], true],
      [['account_open'], false],
    ] as const) {
      if (walkIns.some((t) => t.selfService === selfService)) continue;
      expect(
        (await api.post('/api/tickets', { data: { customerId: null, intents, flags: {} } })).status(),
      ).toBe(201);
    }
  };

  const scenes: [keyof typeof SIZES, 'zh-CN' | 'en'][] = [
    ['1080p', 'zh-CN'],
    ['768p', 'zh-CN'],
    ['tablet', 'zh-CN'],
    ['768p', 'en'],
  ];
  for (const [size, lang] of scenes) {
    const prefix = lang === 'en' ? 'en-' : '';
    await setUpFloor();
    const { context, page } = await lobbyAt(browser, SIZES[size], lang);
    const lobby = new LobbyPage(page);
    await lobby.open();
    await lobby.identify(HOLDER);
    await expect(page.getByTestId('existing-ticket')).toBeVisible();
    await lobby.pressIntent('wealth');
    await expect(lobby.suggested()).toBeVisible();
    await expect(page.getByTestId('suggested-line')).not.toBeEmpty();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('existing-nudge')).toBeVisible();
    await noSidewaysScroll(page);
    await page.screenshot({
      path: `test/output/screens/step10/${prefix}lobby-existing-ticket-${size}.png`,
      animations: 'disabled',
      fullPage: true,
    });

    await page.goto('/floor');
    await expect(page.getByTestId('floor-table')).toBeVisible();
    await expect(page.locator('[data-testid^="floor-row-"]').first()).toBeVisible();
    await noSidewaysScroll(page);
    await page.screenshot({
      path: `test/output/screens/step10/${prefix}floor-${size}.png`,
      animations: 'disabled',
      fullPage: true,
    });
    await context.close();
  }
  await releaseCustomer(base, HOLDER);
});
