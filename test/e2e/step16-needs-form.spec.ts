import { expect, test, type APIRequestContext } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { apiAs, customerIdOf } from './floor-helpers';
import { LoginPage } from './pages';
import {
  FORM_SIZES,
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
  shotSection,
} from './settings-helpers';

/**
 * Step 16, the need tables and the per-tag card reasons as forms (they were JSON only): a product added to what the
 * 对账单 (statement) business calls for puts it on that visit's suggestions; its tag's reason, reworded in the
 * cool-downs form, is what the card then says. Rolls the settings back at the end.
 */
interface Item {
  productCode: string;
  reasons: { zh: string }[];
}
interface Config {
  suggest: { products: { code: string; name: { zh: string }; tags?: string[] }[] };
  suggestLearning: { tagReasons: Record<string, { zh: string }> };
}
const INTENT = 'statement';
const WORDS = '表单测试：闲钱打理好帮手';

async function suggestions(api: APIRequestContext, customer: string, intent: string): Promise<Item[]> {
  const r = await api.get(`/api/customers/${customer}/suggestions?intents=${intent}`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { items: Item[] }).items;
}

test('a product added to a business’s needs is suggested for that business, with its tag’s reworded reason', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  try {
    const customer = await customerIdOf(lobby, SHOWCASE.effective.customerNo);
    const cfg = await settingsConfig<Config>(manager);
    // A product this customer can be offered (it is on another visit's list) that the statement visit does not
    // offer, and that has a need tag with words on the card.
    const forStatement = (await suggestions(lobby, customer, INTENT)).map((i) => i.productCode);
    const offered: Item[] = [];
    for (const other of ['wealth', 'fx', 'card', 'loan'])
      offered.push(...(await suggestions(lobby, customer, other)));
    const product = offered
      .map((i) => cfg.suggest.products.find((p) => p.code === i.productCode))
      .find(
        (p) =>
          p !== undefined &&
          !forStatement.includes(p.code) &&
          (p.tags ?? []).some((t) => cfg.suggestLearning.tagReasons[t] !== undefined),
      );
    expect(
      product,
      `offered ${offered.map((i) => i.productCode).join()}; statement ${forStatement.join()}`,
    ).toBeDefined();
    if (!product) return;
    const tag = (product.tags ?? []).find((t) => cfg.suggestLearning.tagReasons[t] !== undefined) as string;

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'needs');
    const id = `need-intentAffinity-${INTENT}`;
    const rows = await page.getByTestId(id).locator(`[data-testid^="${id}-row-"]`).count();
    await page.getByTestId(`${id}-add`).click();
    const codes = page.getByTestId(`${id}-${rows}-codes`);
    await codes.click();
    await page.keyboard.type(product.name.zh);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId(`${id}-${rows}-weight`).fill('10');
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await shotSection(page, 'needs-edit-1366x768');
    await saveSection(page, 'needs', `对账单业务推荐${product.name.zh}`, product.name.zh, before + 1);
    expect((await suggestions(lobby, customer, INTENT)).map((i) => i.productCode)).toContain(product.code);

    // Its tag's reason, reworded in the learning form: the card says the new words.
    await openSection(page, 'learning');
    const zh = page.getByTestId(`tag-reason-${tag}-zh`);
    await zh.scrollIntoViewIfNeeded();
    await zh.fill(WORDS);
    await saveSection(page, 'learning', '改写卡片推荐理由', WORDS, before + 2);
    const item = (await suggestions(lobby, customer, INTENT)).find((i) => i.productCode === product.code);
    expect(item?.reasons.map((r) => r.zh)).toContain(WORDS);
  } finally {
    await restoreSettings(manager, before, 'step16 needs form');
  }
});

test('screens: the need tables and the tag reasons at three sizes and in English', async ({ page }) => {
  test.setTimeout(420_000);
  await new LoginPage(page).login('manager1');
  for (const [w, h] of FORM_SIZES) {
    await page.setViewportSize({ width: w, height: h });
    await openSection(page, 'needs');
    await shotSection(page, `needs-${w}x${h}`);
    await openSection(page, 'learning');
    await page.getByTestId('tag-reasons').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test/output/screens/step16/tag-reasons-${w}x${h}.png` });
  }
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSection(page, 'needs');
  await expect(page.getByTestId('needs-tierGoals')).toContainText('Tier goals');
  await shotSection(page, 'needs-en-1920x1080');
  await openSection(page, 'learning');
  await page.getByTestId('tag-reasons').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/output/screens/step16/tag-reasons-en-1920x1080.png' });
  await page.evaluate(() => localStorage.removeItem('lang'));
});
