import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { apiAs } from './floor-helpers';
import { LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
  shotSection,
  shotSectionAtSizes,
} from './settings-helpers';

/**
 * Step 16: the customer-number pattern in the general form (checked as a regular expression, said in words, read
 * by the counter lookup), the staffing section (targets and simulation settings the staffing screen replays), and
 * the English layout of the shared list table and save bar at a laptop's size. Each test rolls the settings back.
 */
interface Cfg {
  customer: { customerNoPattern: string };
  staffing: { targets: { queue: string; waitMinutes: number }[]; seed: number };
}

const NEW_PATTERN = '^(C\\d{9}|KH\\d{7})$';

async function lookupCode(api: APIRequestContext, q: string): Promise<{ status: number; code?: string }> {
  const r = await api.get(`/api/customers/lookup?q=${encodeURIComponent(q)}`);
  const body = (await r.json()) as { code?: string; error?: { code?: string } };
  return { status: r.status(), code: body.code ?? body.error?.code };
}

test('customer number pattern: a bad one is refused in words, a new shape is saved, said in words and looked up', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  const old = (await settingsConfig<Cfg>(manager)).customer.customerNoPattern;
  try {
    // Before: "KH1234567" is no customer number, so the lookup refuses it as a malformed entry.
    const was = await lookupCode(lobby, 'KH1234567');
    expect(was.status).toBe(400);

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'general');
    const field = page.getByTestId('field-customerNoPattern');
    await expect(field).toHaveValue(old);

    // Not a regular expression: said under the field as typed, and the save is refused with the same reason.
    await field.fill('^C(\\d{9}$');
    await expect(page.getByTestId('section-general')).toContainText('不是有效的正则表达式');
    await page.getByTestId('note-general').fill('错误的格式');
    await page.getByTestId('save-general').click();
    await expect(page.getByTestId('section-issues')).toContainText('客户号格式');
    await expect(page.getByTestId('section-issues')).toContainText('不是有效的正则表达式');
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);

    // Unanchored, it would take phone and card numbers: warned before saving.
    await field.fill('\\d{9}');
    await expect(page.getByTestId('customerNoPattern-swallows')).toContainText('手机号');

    // The new shape; a number tried in the box is read as the counter reads it.
    await field.fill(NEW_PATTERN);
    await expect(page.getByTestId('customerNoPattern-swallows')).toHaveCount(0);
    await page.getByTestId('customerNoPattern-sample').fill('kh 1234567');
    await expect(page.getByTestId('customerNoPattern-reads')).toHaveText('查询时按客户号查找');
    await page.getByTestId('customerNoPattern-sample').fill('13800138000');
    await expect(page.getByTestId('customerNoPattern-reads')).toContainText('不是客户号');
    await shotSection(page, 'general-customerNo-1366x768');
    await saveSection(
      page,
      'general',
      '客户号增加 KH 开头格式',
      `客户号格式 ${old} → ${NEW_PATTERN}`,
      before + 1,
    );
    expect((await settingsConfig<Cfg>(manager)).customer.customerNoPattern).toBe(NEW_PATTERN);

    // The version list says it in words too.
    await openSection(page, 'versions');
    await expect(page.getByTestId(`version-row-${before + 1}`)).toContainText('客户号格式');

    // The lookup now reads "KH1234567" as a customer number (none has it: not found, no longer malformed).
    const now = await lookupCode(lobby, 'KH1234567');
    expect(now).toEqual({ status: 404, code: 'customer_not_found' });
  } finally {
    await restoreSettings(manager, before, 'step16 customer number pattern');
  }
  expect((await lookupCode(lobby, 'KH1234567')).status).toBe(400);
});

test('staffing section: a queue’s target and the seed changed in settings are what the staffing screen replays', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const cfg = await settingsConfig<Cfg>(manager);
  const row = cfg.staffing.targets.findIndex((x) => x.queue === 'individual');
  expect(row).toBeGreaterThanOrEqual(0);
  const wait = cfg.staffing.targets[row]?.waitMinutes ?? 0;
  const next = wait === 8 ? 7 : 8;
  const replayed = async () => {
    const r = await manager.post('/api/staffing/pattern', {
      data: { source: { kind: 'weekdays', count: 5 } },
    });
    expect(r.status(), await r.text()).toBe(200);
    return (await r.json()) as { seed: number; rules: { targets: { queue: string; waitMinutes: number }[] } };
  };
  try {
    const was = await replayed();
    expect(was.rules.targets.find((x) => x.queue === 'individual')?.waitMinutes).toBe(wait);

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'staffing');
    await expect(page.getByTestId(`staffing-queue-${row}`)).toContainText('个人业务');
    // A second target for a queue that has one is refused in words (it would never be read), then taken away.
    const added = cfg.staffing.targets.length;
    await page.getByTestId('staffing-targets-add').click();
    await expect(page.getByTestId(`staffing-queue-${added}`)).not.toContainText('个人业务');
    await page.getByTestId(`staffing-queue-${added}`).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('个人业务', { exact: true }).click();
    await page.getByTestId('note-staffing').fill('重复的目标');
    await page.getByTestId('save-staffing').click();
    await expect(page.getByTestId('section-issues')).toContainText('同一队列只能有一个服务目标');
    await page.getByTestId(`staffing-targets-remove-${added}`).click();
    await page.getByTestId(`staffing-wait-${row}`).fill(String(next));
    await page.getByTestId('staffing-seed').fill('42');
    await saveSection(page, 'staffing', '个人业务等候目标调整', `${wait} → ${next}`, before + 1);

    const now = await replayed();
    expect(now.rules.targets.find((x) => x.queue === 'individual')?.waitMinutes).toBe(next);
    expect(now.seed).toBe(42);

    // The plans are applied on the staffing screen: listed here, with the way there.
    await openSection(page, 'staffing');
    await expect(page.getByTestId('staffing-plans')).toBeVisible();
    await page.getByTestId('staffing-open').click();
    await expect(page).toHaveURL(/\/staffing$/);
  } finally {
    await restoreSettings(manager, before, 'step16 staffing form');
  }
});

/** The "takes effect at" row (label and time box) stands on its own line, clear of the save button above. */
async function saveBarClear(page: Page, section: string, label: string): Promise<void> {
  const save = await page.getByTestId(`save-${section}`).boundingBox();
  const text = await page.getByTestId(`section-${section}`).getByText(label).boundingBox();
  const when = await page.getByTestId(`effective-${section}`).boundingBox();
  expect(save && text && when).toBeTruthy();
  if (!save || !text || !when) return;
  const top = Math.min(text.y, when.y);
  expect(
    top - (save.y + save.height),
    `${section}: the time row clear of the save button`,
  ).toBeGreaterThanOrEqual(10);
}

test('English at a laptop’s size: list tables keep “Remove” whole; the save bar keeps its label apart; shots', async ({
  page,
}) => {
  test.setTimeout(330_000);
  await new LoginPage(page).login('manager1');
  for (const section of ['general', 'staffing', 'appointments']) await shotSectionAtSizes(page, section);
  // On a wide screen the time row once sat beside the save button, its label touching it.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSection(page, 'appointments');
  await saveBarClear(page, 'appointments', '定时生效');
  // And the bookable services take the card's width there: no sideways scroll (it once kept to 1100 px).
  const scrolls = await page
    .getByTestId('ap-services')
    .locator('.ant-table-content')
    .evaluate((e) => e.scrollWidth > e.clientWidth + 1);
  expect(scrolls, 'the services table scrolls sideways at 1920').toBe(false);

  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const section of ['appointments', 'campaigns', 'staffing', 'general']) {
      await openSection(page, section);
      if (section === 'appointments') {
        // Every column in view at 1366 in English too (the channels and the large-cash switch once needed a scroll).
        const sideways = await page
          .getByTestId('ap-services')
          .locator('.ant-table-content')
          .evaluate((e) => e.scrollWidth > e.clientWidth + 1);
        expect(sideways, 'the services table scrolls sideways at 1366 in English').toBe(false);
      }
      const remove = page.getByTestId(`section-${section}`).getByRole('button', { name: 'Remove' }).first();
      if ((await remove.count()) > 0) {
        // The word fits its button, and the button its pinned cell.
        const fits = await remove.evaluate((b) => {
          const cellBox = (b.closest('td') as HTMLElement).getBoundingClientRect();
          const box = b.getBoundingClientRect();
          return b.scrollWidth <= b.clientWidth && box.right <= cellBox.right && box.left >= cellBox.left;
        });
        expect(fits, `${section}: “Remove” whole in its cell`).toBe(true);
      }
      await saveBarClear(page, section, 'Takes effect at');
      await shotSection(page, `${section}-en-1366x768`);
    }
  } finally {
    await page.evaluate(() => localStorage.removeItem('lang'));
  }
});
