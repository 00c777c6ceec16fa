import { expect, test, type APIRequestContext, type Locator, type Page } from './fixtures';
import { apiAs } from './floor-helpers';
import { LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
} from './settings-helpers';

/**
 * Step 16, campaigns form → behaviour: a campaign added in the form with dates covering today, aimed at the
 * customer's kind, lifts its product to the top of the customer's suggestions; aimed at the other kind, or moved to
 * dates in the future, it lifts nothing. Rolled back in `finally`.
 * Customers C100000071–C100000080 are used by no other spec, so their lists move only with what this spec saves.
 */
interface Item {
  productCode: string;
  campaignIds: string[];
}
interface Cfg {
  branch: { timezone: string };
  suggest: { campaigns: { id: string }[]; products: { code: string; name: { zh: string } }[] };
}

type Kind = 'individual' | 'corporate';
const KIND_WORDS: Record<Kind, string> = { individual: '个人客户', corporate: '对公客户' };
/** As the change reads in words (the diff's short names). */
const KIND_SHORT: Record<Kind, string> = { individual: '个人', corporate: '对公' };

const CAMPAIGN = 'e2e_form_campaign';
const NAME = '表单测试活动';

async function suggestions(api: APIRequestContext, customer: string): Promise<Item[]> {
  const r = await api.get(`/api/customers/${customer}/suggestions`);
  expect(r.status()).toBe(200);
  return ((await r.json()) as { items: Item[] }).items;
}

/** The branch day `days` after today, as the date picker takes it (YYYY-MM-DD in the branch's zone). */
function branchDay(timeZone: string, days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now() + days * 86_400_000);
}

async function typePeriod(page: Page, row: number, from: string, to: string): Promise<void> {
  const period = page.getByTestId(`campaign-period-${row}`);
  await period.first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(from);
  await page.keyboard.press('Enter');
  await period.last().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await expect(period.first()).toHaveValue(from);
  await expect(period.last()).toHaveValue(to);
}

/** One option of a (multiple) select, by its label in the open dropdown. */
async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:visible').getByTitle(label, { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(select).toContainText(label);
}

/** The saved campaign's target kind replaced in a freshly opened form. */
async function retarget(page: Page, row: number, kind: Kind): Promise<void> {
  await openSection(page, 'campaigns');
  await page.getByTestId(`campaigns-row-${row}`).locator('.ant-table-row-expand-icon').click();
  const kinds = page.getByTestId(`campaign-editor-${row}`).locator('.ant-select').nth(1);
  await kinds.locator('.ant-select-selection-item-remove').click();
  await pick(page, kinds, KIND_WORDS[kind]);
}

test('campaigns form: dates covering today and the customer’s kind lift the product; another kind or later dates do not', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(390_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  try {
    const cfg = await settingsConfig<Cfg>(manager);
    expect(cfg.suggest.campaigns.map((c) => c.id)).not.toContain(CAMPAIGN);
    // A customer whose list has a last product below the first: the one the campaign is to lift.
    let customer = '';
    let kind: Kind = 'individual';
    let was: Item[] = [];
    for (let n = 71; n <= 80 && was.length < 2; n++) {
      const found = await lobby.get(`/api/customers/lookup?q=C1000000${n}`);
      expect(found.status()).toBe(200);
      const c = ((await found.json()) as { customers: { id: string; kind: Kind }[] }).customers[0];
      if (!c) continue;
      customer = c.id;
      kind = c.kind;
      was = await suggestions(lobby, customer);
    }
    expect(was.length, 'a customer among C100000071–80 with two suggestions or more').toBeGreaterThan(1);
    const target = was[was.length - 1] as Item;
    const product = cfg.suggest.products.find((p) => p.code === target.productCode);
    expect(product).toBeDefined();
    if (!product) return;

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'campaigns');
    const row = cfg.suggest.campaigns.length;
    await page.getByTestId('campaigns-add').click();
    const cells = page.getByTestId(`campaigns-row-${row}`);
    await cells.locator('input').nth(0).fill(CAMPAIGN);
    await cells.locator('input').nth(1).fill(NAME);
    await cells.locator('.ant-table-row-expand-icon').click();
    const editor = page.getByTestId(`campaign-editor-${row}`);
    await editor.locator('input').first().fill('Forms test campaign');
    // Aimed at the customer's own kind (the editor's second list: months come first).
    await pick(page, editor.locator('.ant-select').nth(1), KIND_WORDS[kind]);
    const tz = cfg.branch.timezone;
    // Today and tomorrow: still in force if the branch's day turns while the spec runs.
    await typePeriod(page, row, branchDay(tz, 0), branchDay(tz, 1));
    await pick(page, cells.locator('.ant-select').last(), product.name.zh);
    await cells.locator('.ant-input-number input').fill('100');
    await saveSection(page, 'campaigns', '表单测试：限时活动', `「${NAME}」`, before + 1);

    const now = await suggestions(lobby, customer);
    expect(now[0]?.productCode, 'the campaign’s product is first').toBe(product.code);
    expect(now[0]?.campaignIds).toContain(CAMPAIGN);

    // Aimed at the other kind of customer: this customer's list is as it was.
    const other: Kind = kind === 'individual' ? 'corporate' : 'individual';
    await retarget(page, row, other);
    await saveSection(
      page,
      'campaigns',
      '表单测试：换目标客户',
      `目标客户类型 ${KIND_SHORT[kind]} → ${KIND_SHORT[other]}`,
      before + 2,
    );
    const elsewhere = await suggestions(lobby, customer);
    expect(elsewhere.flatMap((i) => i.campaignIds)).not.toContain(CAMPAIGN);
    expect(elsewhere.map((i) => i.productCode)).toEqual(was.map((i) => i.productCode));

    // Back on this customer's kind but moved to dates a month away: in force no more, the list is as it was.
    await retarget(page, row, kind);
    await typePeriod(page, row, branchDay(tz, 30), branchDay(tz, 37));
    await saveSection(page, 'campaigns', '表单测试：活动延后', branchDay(tz, 30), before + 3);
    const later = await suggestions(lobby, customer);
    expect(later.flatMap((i) => i.campaignIds)).not.toContain(CAMPAIGN);
    expect(later.map((i) => i.productCode)).toEqual(was.map((i) => i.productCode));
  } finally {
    await restoreSettings(manager, before, 'step16 campaigns form');
  }
  const restored = await settingsConfig<Cfg>(manager);
  expect(restored.suggest.campaigns.map((c) => c.id)).not.toContain(CAMPAIGN);
});
