import { expect, test, type APIRequestContext } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { apiAs, customerIdOf } from './floor-helpers';
import { LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
} from './settings-helpers';

/**
 * Step 16, forms → behaviour: the suggestion weights form (how many suggestions, the weight of the visit's own
 * business) changes the counter's list; the consent-text form changes what the walk-in reads in the lobby; an
 * outreach rule switched off empties its part of the day's list. Each test rolls the settings back.
 */
interface Item {
  productCode: string;
  rules: string[];
}

async function suggestions(api: APIRequestContext, customer: string): Promise<Item[]> {
  const r = await api.get(`/api/customers/${customer}/suggestions?intents=wealth`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { items: Item[] }).items;
}

test('suggestion weights: fewer suggestions, and none scored for the visit’s business once its weight is 0', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  try {
    const customer = await customerIdOf(lobby, SHOWCASE.effective.customerNo);
    const was = await suggestions(lobby, customer);
    expect(was.length).toBeGreaterThan(2);
    expect(was.some((i) => i.rules.includes('intent'))).toBe(true);
    const cfg = await settingsConfig<{ suggest: { topN: number; weights: { intent: number } } }>(manager);

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'suggest');
    await page.getByTestId('suggest-topN').fill('2');
    await page.getByTestId('suggest-weights-intent').fill('0');
    await saveSection(page, 'suggest', '只推荐两项，不按办理业务加分', `${cfg.suggest.topN} → 2`, before + 1);
    const now = await suggestions(lobby, customer);
    expect(now.length).toBeLessThanOrEqual(2);
    expect(now.some((i) => i.rules.includes('intent'))).toBe(false);
  } finally {
    await restoreSettings(manager, before, 'step16 weights form');
  }
});

test('consent texts: the words changed in the form are what the walk-in reads in the lobby', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const words = `本人同意（表单测试 ${String(Date.now()).slice(-6)}）本行通过电话联系本人介绍产品。`;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'consent');
    const version = page.getByTestId('consent-version');
    const old = await version.inputValue();
    await version.fill(`${old}-e2e`);
    // The first purpose's card is 营销联系 (marketing), the one a walk-in reads; its Chinese text is the first box.
    await page.getByTestId('section-consent').locator('textarea').first().fill(words);
    await saveSection(page, 'consent', '营销联系授权文字改写', `${old} → ${old}-e2e`, before + 1);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const lobby = await context.newPage();
    await new LoginPage(lobby).login('lobby1');
    await lobby.goto('/lobby');
    await lobby.getByTestId('walk-in').click();
    await lobby.getByTestId('prospect-open').click();
    const text = lobby.getByTestId('prospect-dialog').getByTestId('prospect-consent-text');
    await expect(text).toContainText(words);
    await expect(text).toContainText(`${old}-e2e`);
    await context.close();
  } finally {
    await restoreSettings(manager, before, 'step16 consent form');
  }
});

test('outreach rules: a rule switched off in the form no longer lists anyone on the day’s outreach list', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(270_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const listed = async () =>
    (
      (await (await manager.get('/api/outreach?scope=all')).json()) as {
        items: { hits: { rule: string }[] }[];
      }
    ).items.flatMap((i) => i.hits.map((h) => h.rule));
  let rule: string | undefined;
  try {
    rule = (await listed())[0];
    expect(rule, 'a rule that lists someone today').toBeDefined();
    if (!rule) return;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'outreach');
    const on = page.getByTestId(`outreach-enabled-${rule}`);
    await expect(on).toBeChecked();
    await on.click();
    await saveSection(page, 'outreach', `暂停“${rule}”名单`, '是 → 否', before + 1);
    expect(await listed()).not.toContain(rule);
  } finally {
    await restoreSettings(manager, before, 'step16 outreach form');
  }
  // Rolled back: the rule lists again.
  if (rule) expect(await listed()).toContain(rule);
});

test('visit outcomes: a decline reason added in the form is offered at the counter when a suggestion is declined', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const teller = await apiAs(baseURL as string, 'teller2');
  const before = await settingsVersion(manager);
  const key = 'e2e_form_reason';
  const offered = async () =>
    (
      (await (await teller.get('/api/visit-config')).json()) as {
        declineReasons: { key: string; zh: string }[];
      }
    ).declineReasons;
  try {
    expect((await offered()).map((r) => r.key)).not.toContain(key);
    const row = (await offered()).length;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'visit');
    await page.getByTestId('decline-reasons-add').click();
    await page.getByTestId(`decline-key-${row}`).fill(key);
    await page.getByTestId(`decline-zh-${row}`).fill('表单测试原因');
    await page.getByTestId(`decline-reasons-row-${row}`).locator('input').nth(2).fill('Forms test reason');
    await saveSection(page, 'visit', '新增拒绝原因', '表单测试原因', before + 1);
    expect(await offered()).toContainEqual(expect.objectContaining({ key, zh: '表单测试原因' }));
  } finally {
    await restoreSettings(manager, before, 'step16 visit form');
  }
  expect((await offered()).map((r) => r.key)).not.toContain(key);
});
