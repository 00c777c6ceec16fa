import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { apiAs, customerIdOf } from './floor-helpers';
import { LoginPage } from './pages';
import { confirmSave, openSection } from './settings-helpers';

/**
 * Step 16, the remaining sections as forms: a business (intent) added and moved to another queue, a product's tiers
 * narrowed, each saved with a description and a confirmation in words; the lobby's triage and the counter's
 * suggestions follow. A refusal says where in words, next to the field. Everything this spec writes is rolled back
 * at the end (its intent key is its own).
 */
const SHOTS = 'test/output/screens/step16-forms';
const KEY = 'h20f_forms_test';

async function version(api: APIRequestContext): Promise<number> {
  return ((await (await api.get('/api/settings')).json()) as { version: number }).version;
}

interface Config {
  triage: { intents: { key: string }[] };
  suggest: { products: { code: string; tiers?: string[]; name: { zh: string } }[] };
}

async function config(api: APIRequestContext): Promise<Config> {
  return ((await (await api.get('/api/settings')).json()) as { config: Config }).config;
}

async function restore(api: APIRequestContext, to: number): Promise<void> {
  if ((await version(api)) === to) return;
  const r = await api.post('/api/settings/rollback', {
    data: { version: to, note: 'e2e step16 forms: restore' },
  });
  expect(r.status()).toBe(200);
}

async function save(page: Page, section: string, note: string): Promise<void> {
  await page.getByTestId(`note-${section}`).fill(note);
  await page.getByTestId(`save-${section}`).click();
}

test('an intent added and moved to the corporate queue, a product narrowed to 私行: the lobby and the counter follow', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await version(manager);
  const queueOf = async () => {
    const r = await lobby.post('/api/triage', { data: { customerId: null, intents: [KEY] } });
    expect(r.status()).toBe(200);
    return ((await r.json()) as { queue: string }).queue;
  };
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await new LoginPage(page).login('manager1');

    // 1. A new business, at the counter by default.
    await openSection(page, 'intents');
    const row = (await config(manager)).triage.intents.length;
    await page.getByTestId('intents-add').click();
    await page.getByTestId(`intent-key-${row}`).fill(KEY);
    await page.getByTestId(`intent-zh-${row}`).fill('表单测试业务');
    await page.getByTestId(`intents-row-${row}`).locator('input').nth(2).fill('Forms test business');
    await save(page, 'intents', '新增表单测试业务');
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog.getByTestId('confirm-changes')).toContainText('新增业务「表单测试业务」');
    await confirmSave(page, before + 1);
    expect(await queueOf()).toBe('individual');

    // 2. Corporate only but still at the counter: refused, in words, next to the field.
    await page.getByTestId(`intent-corporate-${row}`).click();
    await save(page, 'intents', '表单测试业务改到对公窗口');
    const issues = page.getByTestId('section-intents').getByTestId('section-issues');
    await expect(issues).toContainText('业务「表单测试业务」·渠道');
    await expect(issues).toContainText('对公业务只能在对公窗口办理');
    await expect(issues).not.toContainText('triage.intents');
    await expect(page.getByTestId(`intents-row-${row}`)).toContainText('对公业务只能在对公窗口办理');
    await page.getByTestId(`intents-row-${row}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/intents-refused-1920.png` });

    // 3. The channel is the corporate counter: saved, said in words; the lobby now sends it to the corporate queue.
    const channels = page.getByTestId(`intent-channels-${row}`).locator('input');
    await channels.focus();
    await page.keyboard.press('Backspace');
    await channels.fill('对公窗口');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await save(page, 'intents', '表单测试业务改到对公窗口');
    await expect(dialog.getByTestId('confirm-changes')).toContainText(
      '业务「表单测试业务」：渠道 柜台 → 对公窗口；仅对公 否 → 是',
    );
    await confirmSave(page, before + 2);
    expect(await queueOf()).toBe('corporate');

    // 4. A product the showcase 有效客户 is offered, narrowed to 私行客户: no longer suggested to him.
    const customer = await customerIdOf(lobby, SHOWCASE.effective.customerNo);
    const suggested = async () =>
      (
        (await (await lobby.get(`/api/customers/${customer}/suggestions?intents=wealth`)).json()) as {
          items: { productCode: string }[];
        }
      ).items.map((i) => i.productCode);
    const products = (await config(manager)).suggest.products;
    const offered = await suggested();
    const index = products.findIndex((p) => offered.includes(p.code) && !p.tiers);
    expect(index, 'a suggested product open to every tier').toBeGreaterThanOrEqual(0);
    const product = products[index] as Config['suggest']['products'][number];

    await page.setViewportSize({ width: 1366, height: 768 });
    await openSection(page, 'products');
    // A page of 20 rows at a time; the manager finds a product by its code or name.
    await expect(page.getByTestId('products-row-19')).toBeVisible();
    await expect(page.getByTestId(`products-row-${products.length - 1}`)).toHaveCount(0);
    await page.getByTestId('products-search').fill(product.code.toLowerCase());
    await expect(page.getByTestId('products').locator('tr[data-testid^="products-row-"]')).toHaveCount(1);
    await expect(page.getByTestId(`product-code-${index}`)).toHaveValue(product.code);
    // An age range upside down: refused before sending, said in words beside the field and in the list.
    await page.getByTestId(`products-row-${index}`).locator('.ant-table-row-expand-icon').click();
    await page.getByTestId(`product-minAge-${index}`).fill('60');
    await page.getByTestId(`product-maxAge-${index}`).fill('50');
    await save(page, 'products', '试一个颠倒的年龄范围');
    const refused = page.getByTestId('section-products').getByTestId('section-issues');
    await expect(refused).toContainText(`产品「${product.name.zh}」·最高年龄`);
    await expect(refused).toContainText('年龄上限须不小于下限');
    await expect(page.getByTestId(`product-editor-${index}`)).toContainText('年龄上限须不小于下限');
    await page.getByTestId('section-products').getByRole('button', { name: '撤销修改' }).click();
    await expect(page.getByTestId(`product-maxAge-${index}`)).not.toHaveValue('50');
    const tiers = page.getByTestId(`product-tiers-${index}`);
    await tiers.locator('input').fill('私行');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`product-editor-${index}`)).toBeVisible();
    await page.getByTestId(`products-row-${index}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/products-1366.png` });
    await save(page, 'products', `${product.name.zh}改为私行专属`);
    await expect(dialog.getByTestId('confirm-changes')).toContainText(
      `产品「${product.name.zh}」：层级 不限 → 私行客户`,
    );
    // The same impact slot as the tier bands': the product preview says who would no longer be offered it.
    await expect(dialog.getByTestId('impact-products-table')).toContainText(product.name.zh);
    await dialog.getByTestId('impact').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/products-confirm-1366.png` });
    await confirmSave(page, before + 3);
    expect(await suggested()).not.toContain(product.code);

    // The version list says all three in words.
    await openSection(page, 'versions');
    await expect(page.getByTestId(`version-row-${before + 3}`)).toContainText(
      `产品「${product.name.zh}」：层级 不限 → 私行客户`,
    );
  } finally {
    await restore(manager, before);
  }
  expect((await config(manager)).triage.intents.map((i) => i.key)).not.toContain(KEY);
});

test('the other forms on a tablet and in English: campaigns with dates, outreach rules, cool-downs', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  // The last campaign (other specs may have dropped some): given dates here, never saved.
  const campaigns = (
    (await (await manager.get('/api/settings')).json()) as {
      config: { suggest: { campaigns: { start?: number }[] } };
    }
  ).config.suggest.campaigns;
  const row = campaigns.length - 1;
  expect(campaigns[row]?.start).toBeUndefined();
  await new LoginPage(page).login('manager1');
  await page.setViewportSize({ width: 800, height: 1280 });
  await openSection(page, 'campaigns');
  // Dates typed as branch days (first and last included); the confirmation says them back as days.
  const period = page.getByTestId(`campaign-period-${row}`);
  await period.first().click();
  await page.keyboard.type('2026-12-07');
  await page.keyboard.press('Enter');
  await period.last().click();
  await page.keyboard.type('2026-12-13');
  await page.keyboard.press('Enter');
  await expect(period.first()).toHaveValue('2026-12-07');
  await expect(period.last()).toHaveValue('2026-12-13');
  await page.getByTestId(`campaigns-row-${row}`).locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId(`campaign-editor-${row}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/campaigns-800.png`, fullPage: true });
  await save(page, 'campaigns', '5万达标改为限时一周');
  await expect(page.getByTestId('confirm-changes')).toContainText(
    '：开始 不限 → 2026-12-07；最后一天 不限 → 2026-12-13',
  );
  await page
    .getByRole('button', { name: '取 消' })
    .or(page.getByRole('button', { name: '取消' }))
    .click();
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  // 沉睡唤醒 lists only 有效 and up unless the manager widens it: the default reads as four tags.
  await openSection(page, 'outreach');
  const dormantTiers = page.getByTestId('outreach-dormant-tiers');
  await expect(dormantTiers.locator('.ant-select-selection-item')).toHaveCount(4);
  await expect(dormantTiers).toContainText('有效客户');
  await expect(dormantTiers).not.toContainText('潜力客户');
  await page.screenshot({ path: `${SHOTS}/outreach-800.png`, fullPage: true });

  // The rest of the forms at a laptop's size.
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const section of ['suggest', 'visit', 'feedback', 'outreach', 'consent']) {
    await openSection(page, section);
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/${section}-1366.png`, fullPage: true });
  }
  await expect(page.getByTestId('section-consent')).toContainText('营销联系');

  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSection(page, 'outreach');
  await expect(page.getByTestId('outreach-rule-churnRisk')).toContainText('Churn risk');
  await expect(page.getByTestId('outreach-churnRisk-minAum')).toHaveValue('¥50,000');
  await page.screenshot({ path: `${SHOTS}/outreach-en-1920.png`, fullPage: true });
  await openSection(page, 'learning');
  await expect(page.getByTestId('cooldown-declinedDaysByReason-has_elsewhere')).toHaveValue('180');
  await page.screenshot({ path: `${SHOTS}/learning-en-1920.png`, fullPage: true });
  await openSection(page, 'channels');
  await page.screenshot({ path: `${SHOTS}/channels-en-1920.png`, fullPage: true });
  await page.evaluate(() => localStorage.removeItem('lang'));
});
