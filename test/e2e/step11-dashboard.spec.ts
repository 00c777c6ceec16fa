import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import { apiAs } from './floor-helpers';
import { CounterPage, LobbyPage, LoginPage } from './pages';
import { SIZES } from './screens';

/**
 * Step 11: the branch manager's live dashboard. A teller calls and finishes → today's figures change without a
 * reload; a break with its reason shows on the counter's row; a threshold the manager lowers raises an alert on
 * the dashboard and on the lobby manager's screen. The spec brings its own tickets and puts the settings, the
 * teller's state and its tickets back as they were.
 */

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test/output/screens/step11/${name}.png`, animations: 'disabled' });

async function staffAt(browser: Browser, username: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login(username);
  return { context, page };
}

async function issue(
  lobby: APIRequestContext,
  intents: string[],
): Promise<{ id: string; displayNo: string }> {
  const r = await lobby.post('/api/tickets', { data: { customerId: null, intents } });
  expect(r.status()).toBe(201);
  return ((await r.json()) as { ticket: { id: string; displayNo: string } }).ticket;
}

/** The number a dashboard statistic shows. */
async function statValue(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** The teller's counter ready to call: open, serving, nothing at the counter. */
async function readyCounter(page: Page): Promise<CounterPage> {
  const counter = new CounterPage(page);
  await counter.open();
  const open = page.getByTestId('counter-open');
  if ((await open.getAttribute('aria-checked')) !== 'true') await open.click();
  await expect(open).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('staff-state').getByText('服务中').click();
  await counter.clear();
  return counter;
}

test('the manager watches the teller, a break and an alert live on the dashboard (screenshots)', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const lobbyApi = await apiAs(base, 'lobby1');
  const managerApi = await apiAs(base, 'manager1');
  const { config } = (await (await managerApi.get('/api/settings')).json()) as {
    config: { dashboard: { alerts: Record<string, number> } & Record<string, unknown> };
  };
  const mine: string[] = [];
  const manager = await staffAt(browser, 'manager1', SIZES['1080p']);
  const teller = await staffAt(browser, 'teller2', { width: 1440, height: 900 });
  const lobby = await staffAt(browser, 'lobby1', SIZES['768p']);
  try {
    const dash = manager.page;
    await expect(dash).toHaveURL(/\/dashboard$/);
    await expect(dash.getByTestId('dashboard-screen')).toBeVisible();
    // Set on the page once: a reload would lose it, so it proves every change below came live.
    await dash.evaluate(() => Object.assign(window, { __sameDashboard: true }));

    // The lobby manager's screen is open all along (it hears the alert pushed on the live feed).
    await new LobbyPage(lobby.page).open();

    // 1. A teller calls and finishes: the counter's current ticket, then served today and the totals change.
    const ticket = await issue(lobbyApi, ['account_open']);
    mine.push(ticket.id);
    const counter = await readyCounter(teller.page);
    const row = dash.getByTestId('dash-counters').locator('tr', { hasText: '2号窗口' });
    const servedBefore = await statValue(dash, 'dash-total-served');
    const rowServedBefore = Number(await row.locator('td').nth(4).textContent());
    await counter.callUntil(ticket.displayNo);
    await expect(row).toContainText(ticket.displayNo);
    await counter.start();
    await counter.finish();
    await expect.poll(() => statValue(dash, 'dash-total-served')).toBe(servedBefore + 1);
    await expect(row.locator('td').nth(4)).toHaveText(String(rowServedBefore + 1));
    await expect(row).not.toContainText(ticket.displayNo);

    // 2. A break with its reason: the counter's state on the dashboard says why.
    await teller.page.getByTestId('staff-state').getByText('暂停休息').click();
    await teller.page.getByTestId('break-reason-training').click();
    await expect(dash.getByTestId('counter-state-2')).toHaveText('暂离（培训）');
    await expect(dash.getByTestId('dash-breaks')).toContainText('培训');

    // 3. Three walk-ins wait for self-service; the manager lowers the queue-length standard to 1: an alert.
    for (let i = 0; i < 3; i++) mine.push((await issue(lobbyApi, ['statement'])).id);
    const alert = dash.getByTestId('dash-alert').filter({ hasText: '上限 1 人' });
    await expect(alert).toHaveCount(0);
    const lowered = {
      ...config,
      dashboard: { ...config.dashboard, alerts: { ...config.dashboard.alerts, queueLength: 1 } },
    };
    const put = await managerApi.put('/api/settings', {
      data: { config: lowered, note: 'e2e：排队人数标准降为 1 人' },
    });
    expect(put.status()).toBe(200);
    await expect(alert.first()).toBeVisible();
    await expect(alert.first()).toContainText('自助引导');
    await expect(lobby.page.getByTestId('threshold-alerts')).toContainText('上限 1 人');
    expect(await dash.evaluate(() => (window as { __sameDashboard?: boolean }).__sameDashboard)).toBe(true);

    // Screenshots: the dashboard with a counter on a training break and the alert, at three sizes and in English.
    await shot(lobby.page, 'dashboard-lobby-alert-768p');
    for (const [name, size] of Object.entries(SIZES)) {
      await dash.setViewportSize(size);
      await expect(alert.first()).toBeVisible();
      await shot(dash, `dashboard-live-${name}`);
    }
    // Today's bookings in their own card (how many depends on the hour and on other specs: the card, not a number).
    await expect(dash.getByTestId('dash-bookings')).toBeVisible();
    await expect(dash.getByTestId('dash-bookings-nextHour')).toContainText(/\d/);
    await expect(dash.getByTestId('dash-bookings-daysAhead')).toBeVisible();
    await expect(dash.getByTestId('dash-bookings-calledLate')).toContainText(/\d/);
    await dash.evaluate(() => localStorage.setItem('lang', 'en'));
    await dash.setViewportSize(SIZES['768p']);
    await dash.reload();
    await expect(dash.getByTestId('counter-state-2')).toHaveText('Break (Training)');
    await expect(dash.getByTestId('dash-alert').filter({ hasText: 'limit 1' }).first()).toBeVisible();
    await shot(dash, 'dashboard-live-en-768p');
  } finally {
    // Back as found: the standard, the teller serving, our walk-ins gone.
    const restore = await managerApi.put('/api/settings', {
      data: { config, note: 'e2e：恢复排队人数标准' },
    });
    expect(restore.status()).toBe(200);
    // A dialog left open by a failed step would hold the click until the test times out and hide the real error.
    await teller.page.keyboard.press('Escape');
    await expect(teller.page.getByRole('dialog')).toHaveCount(0);
    await teller.page.getByTestId('staff-state').getByText('服务中').click();
    for (const id of mine) {
      await lobbyApi.post(`/api/tickets/${id}/events`, {
        data: { type: 'cancel', payload: { reason: 'e2e 清理' } },
      });
    }
    await Promise.all([manager.context.close(), teller.context.close(), lobby.context.close()]);
    await Promise.all([lobbyApi.dispose(), managerApi.dispose()]);
  }
});

test('the demo branch has weeks of history: the reports show past days (screenshots)', async ({
  browser,
}) => {
  const { context, page } = await staffAt(browser, 'manager1', SIZES['1080p']);
  await page.goto('/reports');
  await expect(page.getByTestId('rep-total')).toBeVisible();
  await expect(page.getByTestId('chart-heat').locator('canvas').first()).toBeVisible();
  // The default range is the last 30 days: the seeded past weeks are in it, so far more than today's arrivals.
  const total = (await page.getByTestId('rep-total').textContent()) ?? '';
  const arrived = Number(/取号 (\d+)/.exec(total)?.[1] ?? 0);
  expect(arrived).toBeGreaterThan(1000);
  await shot(page, 'reports-history-1080p');
  await context.close();
});
