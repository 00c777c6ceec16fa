import { expect, test, type Page } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { LobbyPage } from './pages';
import { releaseTickets } from './floor-helpers';
import {
  SIZES,
  callTo,
  apiAs,
  customerIdOf,
  expectInside,
  expectNoSidewaysScroll,
  shot,
  staffAt,
  type SizeName,
} from './step10';

/** The screens a branch works in, at the sizes its machines have; each saved to test/output/screens/step10/. */

async function lobbyScene(page: Page): Promise<void> {
  // One customer, one live ticket: what earlier scenes left 张伟 is closed, so the lobby issues a new one.
  // The page's own session (lobby1 or the manager, both on the floor) does it, without another login.
  await releaseTickets(page.request, await customerIdOf(page.request, SHOWCASE.effective.customerNo));
  const lobby = new LobbyPage(page);
  await lobby.open();
  await lobby.identify(SHOWCASE.effective.idNumber as string);
  await lobby.pressIntent('wealth');
  await expect(lobby.suggested()).toBeVisible();
}

for (const size of Object.keys(SIZES) as SizeName[]) {
  test(`lobby, counter and VIP room at ${size}`, async ({ browser, baseURL }) => {
    const base = baseURL as string;
    const lobby = await staffAt(browser, 'lobby1', SIZES[size]);
    await lobbyScene(lobby.page);
    await expectNoSidewaysScroll(lobby.page);
    await shot(lobby.page, `lobby-${size}`);
    await lobby.context.close();

    const api = await apiAs(base, 'lobby1');
    const zhang = await customerIdOf(api, SHOWCASE.effective.customerNo);
    const rich = await customerIdOf(api, SHOWCASE.private.customerNo);
    await api.dispose();

    const ticket = await callTo(base, 'teller3', zhang, ['wealth']);
    const counter = await staffAt(browser, 'teller3', SIZES[size]);
    await expect(counter.page.getByTestId('current-number')).toHaveText(ticket.displayNo);
    await expect(counter.page.getByTestId('customer-name')).toBeVisible();
    await expectNoSidewaysScroll(counter.page);
    await shot(counter.page, `counter-${size}`);
    await counter.context.close();

    const vipTicket = await callTo(base, 'rm1', rich, ['wealth']);
    const vip = await staffAt(browser, 'rm1', SIZES[size]);
    await vip.page.goto('/vip');
    await expect(vip.page.getByTestId('current-number')).toHaveText(vipTicket.displayNo);
    await expectNoSidewaysScroll(vip.page);
    await shot(vip.page, `vip-${size}`);
    await vip.context.close();
  });
}

const ENGLISH_SCREENS = [
  'lookup',
  'lobby',
  'counter',
  'vip',
  'follow-ups',
  'complaints',
  'import',
  'export',
  'settings',
  'audit',
  'staff',
];

test('every screen in English at 1366×768', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const api = await apiAs(baseURL as string, 'manager1');
  const zhang = await customerIdOf(api, SHOWCASE.effective.customerNo);
  await api.dispose();
  const { context, page } = await staffAt(browser, 'manager1', SIZES['768p'], 'en');
  for (const screen of ENGLISH_SCREENS) {
    await page.goto(`/${screen}`);
    await expect(page.getByTestId('me')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await shot(page, `en-${screen}-768p`);
  }
  await page.goto(`/customers/${zhang}`);
  await expect(page.getByTestId('customer-name')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'en-profile-768p');
  await lobbyScene(page);
  await shot(page, 'en-lobby-decision-768p');
  await context.close();
});

test('English at 1366×768: service names in two lines at most, all profile tabs shown, "right away" wait', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL as string;
  const { context, page } = await staffAt(browser, 'lobby1', SIZES['768p'], 'en');
  await lobbyScene(page);
  const labels = page.locator('.lobby-intents .ant-btn > span:last-child');
  expect(await labels.count()).toBeGreaterThan(8);
  // Lines a label takes, counted from its line boxes.
  const lines = await labels.evaluateAll((els) =>
    els.map((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return { text: e.textContent, n: new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size };
    }),
  );
  for (const l of lines) expect(l.n, `"${l.text}"`).toBeLessThanOrEqual(2);
  // Nobody ahead and no wait: the ticket says when, not what happened.
  await page.route('**/api/tickets', async (r) => {
    const res = await r.fetch();
    const body = (await res.json()) as { ticket: { ahead: number; waitMinutes: number | null } };
    body.ticket.ahead = 0;
    body.ticket.waitMinutes = 0;
    await r.fulfill({ response: res, json: body });
  });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('issued-wait')).toHaveText('Right away');
  await shot(page, 'en-lobby-issued-768p');
  await context.close();

  const api = await apiAs(base, 'lobby1');
  const zhang = await customerIdOf(api, SHOWCASE.effective.customerNo);
  await api.dispose();
  for (const who of ['teller3', 'rm1']) {
    await callTo(base, who, zhang, ['wealth']);
    const at = await staffAt(browser, who, SIZES['768p'], 'en');
    if (who === 'rm1') await at.page.goto('/vip');
    const tabs = at.page.getByTestId('customer-activity').getByRole('tab');
    await expect(tabs).toHaveCount(4);
    await expect(tabs.last()).toHaveText('Outcomes');
    // No tab hidden behind a "more" menu: each one visible and inside the card.
    await expect(at.page.getByTestId('customer-activity').locator('.ant-tabs-nav-operations')).toBeHidden();
    await expectInside(at.page.getByTestId('customer-activity'), tabs);
    await expectNoSidewaysScroll(at.page);
    await shot(at.page, `en-${who === 'rm1' ? 'vip' : 'counter'}-serving-768p`, true);
    await at.context.close();
  }
});
