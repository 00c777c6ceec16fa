import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { apiAs, customerIdOf } from './floor-helpers';
import { LoginPage } from './pages';
import { confirmSave, openSection } from './settings-helpers';

/**
 * Step 16: settings as forms, the impact before the change, a description and a confirmation to save, and the
 * lobby following the new version. Each test puts the rules back (rollback) so the other specs see the defaults.
 */
const SHOTS = 'test/output/screens/step16';
const SIZES = { wide: { width: 1920, height: 1080 }, laptop: { width: 1366, height: 768 } } as const;

async function openSettings(page: Page, section: string): Promise<void> {
  await new LoginPage(page).login('manager1');
  await openSection(page, section);
}

async function version(api: APIRequestContext): Promise<number> {
  return ((await (await api.get('/api/settings')).json()) as { version: number }).version;
}

async function restore(api: APIRequestContext, to: number): Promise<void> {
  if ((await version(api)) === to) return;
  const r = await api.post('/api/settings/rollback', { data: { version: to, note: 'e2e step16: restore' } });
  expect(r.status()).toBe(200);
}

test('tier bands: a lower 中端 bound in ¥, previewed (matrix, biggest moves), saved with a description; the lobby sees the new tier', async ({
  page,
  baseURL,
}) => {
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await version(manager);
  try {
    await page.setViewportSize(SIZES.wide);
    await openSettings(page, 'tiers');
    const mid = page.getByTestId('tier-min-2');
    await expect(mid).toHaveValue('¥50,000');
    await mid.fill('45000');
    await mid.blur();
    await expect(mid).toHaveValue('¥45,000');

    // No description: refused before anything is sent.
    await page.getByTestId('save-tiers').click();
    await expect(page.getByTestId('note-missing-tiers')).toBeVisible();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();

    await page.getByTestId('note-tiers').fill('中端客户门槛下调至4.5万元');
    await page.getByTestId('save-tiers').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('confirm-changes')).toContainText('中端客户下限 ¥50,000 → ¥45,000');
    const matrix = dialog.getByTestId('impact-matrix');
    await expect(matrix).toContainText('有效客户');
    await expect(matrix).toContainText('中端客户');
    // The showcase customer ¥3,200 short of 中端 (AUM ¥46,800) is among the moves.
    await expect(dialog.getByTestId('impact-biggest')).toContainText('¥46,800');
    await expect(dialog.getByTestId('impact-tiers')).toContainText(/有 [\d,]+ 位将调整层级/);
    await page.screenshot({ path: `${SHOTS}/tiers-preview-1920.png` });
    await confirmSave(page, before + 1);

    // The lobby: the lookup now says 中端.
    const found = (await (
      await lobby.get(`/api/customers/lookup?q=${SHOWCASE.effective.customerNo}`)
    ).json()) as { customers: { tier: { tier: string } }[] };
    expect(found.customers[0]?.tier.tier).toBe('mid');

    // The version list says it in words, with the description.
    await page.goto('/settings?section=versions');
    const row = page.getByTestId(`version-row-${before + 1}`);
    await expect(row).toContainText('中端客户门槛下调至4.5万元');
    await expect(row.getByTestId('version-changes')).toContainText('中端客户下限 ¥50,000 → ¥45,000');
    await page.setViewportSize(SIZES.laptop);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/versions-1366.png` });
  } finally {
    await restore(manager, before);
  }
});

test('triage rules: a readable row switched off, the day replayed, saved; the lobby no longer sends 高端 to the VIP room', async ({
  page,
  baseURL,
}) => {
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await version(manager);
  const merchant = await customerIdOf(lobby, SHOWCASE.merchant.customerNo);
  // The VIP room and the counters are offered only while someone is signed in there; an earlier spec may have ended
  // those sessions (idle lock, password tests), or none ran before this one: this spec signs the RM and a teller in.
  // (With nobody at a counter, the 高端 customer is sent to the VIP room whatever the rules say.)
  await apiAs(baseURL as string, 'rm1');
  await apiAs(baseURL as string, 'teller1');
  const decide = async () =>
    (
      (await (
        await lobby.post('/api/triage', { data: { customerId: merchant, intents: ['wealth'] } })
      ).json()) as {
        channel: string;
      }
    ).channel;
  expect(await decide()).toBe('vip');
  // Today's replay needs a visit of today: this spec's own ticket for the 高端 customer.
  const ticket = await lobby.post('/api/tickets', { data: { customerId: merchant, intents: ['wealth'] } });
  expect(ticket.status()).toBe(201);
  try {
    await page.setViewportSize(SIZES.laptop);
    await openSettings(page, 'rules');
    const row = page
      .locator('[data-testid^="rule-row-"]')
      .filter({ hasText: '客户层级 ∈ {高端客户, 私行客户}' })
      .first();
    await expect(row).toContainText('→ 优先 贵宾室，优先级 贵宾优先');
    await page.screenshot({ path: `${SHOTS}/rules-1366.png` });
    await row.getByRole('switch').click();
    await page.getByTestId('note-rules').fill('贵宾室装修，暂停高端客户优先安排');
    await page.getByTestId('save-rules').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('confirm-changes')).toContainText(
      '停用分流规则「高端/私行客户优先安排贵宾室面对面服务」',
    );
    const replay = dialog.getByTestId('impact-triage');
    await expect(replay).toContainText(/笔到店中有 [1-9]\d* 笔的分流结果会改变/);
    await expect(dialog.getByTestId('impact-examples')).toContainText('贵宾室 · 贵宾优先');
    await page.screenshot({ path: `${SHOTS}/rules-preview-1366.png` });
    await confirmSave(page, before + 1);
    expect(await decide()).not.toBe('vip');
  } finally {
    await restore(manager, before);
    await lobby.post(`/api/tickets/${((await ticket.json()) as { id: string }).id}/events`, {
      data: { type: 'cancel', payload: { reason: 'e2e 清理' } },
    });
  }
  expect(await decide()).toBe('vip');
});

test('a new rule from the form, on a tablet and in English; the thresholds form saves the dashboard alerts', async ({
  page,
  baseURL,
}) => {
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await version(manager);
  try {
    await page.setViewportSize({ width: 800, height: 1280 });
    await openSettings(page, 'rules');
    await page.getByTestId('rule-add').click();
    const editor = page.getByTestId('rule-editor');
    // Keyboard-first: type the business's name into the list and take it.
    await editor.getByTestId('cond-intents').locator('input').fill('外汇');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await editor.getByTestId('effect-prefer').locator('input').fill('柜台');
    await page.keyboard.press('Enter');
    await editor.getByTestId('reason-zh').fill('外汇业务到柜台办理');
    await editor.getByTestId('reason-en').fill('Foreign exchange at a counter');
    await expect(page.locator('[data-testid^="rule-text-"]').last()).toHaveText(
      '当 业务 ∈ {外汇} → 优先 柜台，理由：外汇业务到柜台办理',
    );
    await page.screenshot({ path: `${SHOTS}/rule-editor-800.png`, fullPage: true });
    await page.getByTestId('note-rules').fill('外汇到柜台');
    await page.getByTestId('save-rules').click();
    await expect(page.getByTestId('confirm-changes')).toContainText(
      '新增分流规则：当 业务 ∈ {外汇} → 优先 柜台',
    );
    await confirmSave(page, before + 1);

    // Thresholds (dashboard section) as a form.
    await page.goto('/settings?section=dashboard');
    const wait = page.getByTestId('alert-waitMinutes');
    await wait.fill('15');
    await page.getByTestId('note-dashboard').fill('等候预警放宽到15分钟');
    await page.getByTestId('save-dashboard').click();
    await expect(page.getByTestId('confirm-changes')).toContainText('看板：预警·等候超时分钟 10 → 15');
    await confirmSave(page, before + 2);
    const saved = (await (await manager.get('/api/settings')).json()) as {
      config: { dashboard: { alerts: { waitMinutes: number } } };
    };
    expect(saved.config.dashboard.alerts.waitMinutes).toBe(15);

    // English: the rows and the version list read in English.
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.setViewportSize(SIZES.wide);
    await page.goto('/settings?section=rules');
    await expect(page.locator('[data-testid^="rule-text-"]').last()).toHaveText(
      'When business ∈ {Foreign exchange} → prefer counter; because: Foreign exchange at a counter',
    );
    await page.screenshot({ path: `${SHOTS}/rules-en-1920.png` });
    await page.goto('/settings?section=versions');
    await expect(page.getByTestId(`version-row-${before + 2}`)).toContainText(
      'Dashboard: alerts · wait minutes 10 → 15',
    );
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/versions-en-1920.png` });
  } finally {
    await restore(manager, before);
  }
});
