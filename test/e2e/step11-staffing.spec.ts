import { expect, request, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import { LoginPage } from './pages';
import { loginToken } from './floor-helpers';
import { SIZES } from './screens';

/** Step 11: the what-if staffing simulator, from a recorded day to tomorrow's counter plan. */

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `test/output/screens/step11/${name}.png`, animations: 'disabled', fullPage });

async function api(token: string | null): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 5791}`,
    extraHTTPHeaders: token ? { authorization: `Bearer ${token}` } : {},
  });
}

const tokenOf = (username: string): Promise<string> =>
  loginToken(`http://127.0.0.1:${process.env.E2E_PORT ?? 5791}`, username);

async function managerAt(
  browser: Browser,
  viewport: { width: number; height: number },
  lang: 'zh-CN' | 'en',
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login('manager1');
  if (lang === 'en') {
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.reload();
  }
  return { context, page };
}

/** Loads today's recorded tickets as the day pattern and runs the simulation. */
async function runToday(page: Page): Promise<void> {
  await page.goto('/staffing');
  await expect(page.getByTestId('staffing-screen')).toBeVisible();
  await page.getByTestId('staffing-load').click();
  await expect(page.getByTestId('staffing-pattern-info')).toBeVisible();
  await expect(page.getByTestId('roster')).toBeVisible();
  await page.getByTestId('staffing-run').click();
  await expect(page.getByTestId('staffing-recommendation')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('staffing-chart').locator('canvas')).toBeVisible();
}

let lobby: APIRequestContext;
const issued: string[] = [];

test.beforeAll(async () => {
  lobby = await api(await tokenOf('lobby1'));
  // Today's own arrivals: walk-ins for the counter, self-service and corporate business.
  for (const intents of [
    ['account_open'],
    ['loan'],
    ['fx'],
    ['corporate_settlement'],
    ['account_open', 'wealth'],
  ]) {
    for (let i = 0; i < 2; i++) {
      const r = await lobby.post('/api/tickets', { data: { customerId: null, intents } });
      expect(r.status()).toBe(201);
      issued.push(((await r.json()) as { ticket: { id: string } }).ticket.id);
    }
  }
});

test.afterAll(async () => {
  // Leave the queue as we found it: our walk-ins leave.
  for (const id of issued) {
    await lobby.post(`/api/tickets/${id}/events`, {
      data: { type: 'cancel', payload: { reason: 'e2e 清理' } },
    });
  }
  await lobby.dispose();
});

test("the manager runs the what-if, applies the recommendation, and it becomes tomorrow's counter plan", async ({
  browser,
}) => {
  const { context, page } = await managerAt(browser, SIZES['1080p'], 'zh-CN');
  await runToday(page);
  // Both answers side by side: Erlang C columns and the simulation spread in one table.
  await expect(page.getByTestId('staffing-table')).toContainText('Erlang C');
  await expect(page.getByTestId('staffing-table')).toContainText('p10–p90');
  await shot(page, 'staffing-1080p', true);

  // Edit a cell of the roster (keyboard), then apply the recommendation to tomorrow.
  const cell = page.getByTestId('roster').locator('input').first();
  await cell.fill('3');
  await cell.press('Tab');
  await page.getByTestId('staffing-apply').click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  // Saving writes a settings version; on a machine busy with the rest of the suite it has taken over 5 s.
  await expect(page.getByText(/已保存为 .* 的窗口排班/)).toBeVisible({ timeout: 20_000 });

  // The counters screen shows tomorrow's plan, the same numbers as the recommendation.
  const recommended = await page
    .getByTestId('recommended')
    .locator('tbody tr')
    .first()
    .locator('td')
    .allInnerTexts();
  await page.goto('/staff');
  await page.getByRole('tab', { name: '窗口' }).click();
  const plan = page.getByTestId('tomorrow-plan-table');
  await expect(plan).toBeVisible();
  await expect(plan.locator('tbody tr').first().locator('td')).toHaveText(recommended);
  await page.getByTestId('tomorrow-plan').scrollIntoViewIfNeeded();
  await shot(page, 'counters-plan-1080p');

  // …and the settings version list has it (audited, reversible).
  await page.goto('/settings');
  await page.getByText('版本记录').first().click();
  await expect(page.getByTestId('versions')).toContainText('窗口排班');
  await context.close();
});

for (const [size, lang] of [
  ['768p', 'zh-CN'],
  ['tablet', 'zh-CN'],
  ['1080p', 'en'],
] as const) {
  test(`staffing screen at ${size} (${lang})`, async ({ browser }) => {
    const { context, page } = await managerAt(browser, SIZES[size], lang);
    await runToday(page);
    await shot(page, `staffing-${size}${lang === 'en' ? '-en' : ''}`, true);
    await context.close();
  });
}
