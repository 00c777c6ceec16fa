import { expect, test } from './fixtures';
import { DESK_VIEWPORT } from './admin-helpers';
import { LoginPage } from './pages';

test.use({ viewport: DESK_VIEWPORT });

/** The audit trail (filters, masked values only) and the screens a teller is kept out of. */

test('the audit screen filters by action and staff, and shows masked values only', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  // A logged reveal of a full phone number (with a reason typed containing a number, too).
  let customer: { id: string; phoneMasked: string | null } | undefined;
  for (let n = 1; n <= 20 && !customer?.phoneMasked; n++) {
    const q = `C${100_000_000 + n}`;
    const found = (await (await page.request.get(`/api/customers/lookup?q=${q}`)).json()) as {
      customers: { id: string; phoneMasked: string | null }[];
    };
    customer = found.customers[0];
  }
  expect(customer?.phoneMasked, 'a demo customer with a phone').toBeTruthy();
  const revealed = (await (
    await page.request.post(`/api/customers/${customer?.id ?? ''}/reveal`, {
      data: { field: 'phone', reason: '客户来电 13912345678 核对身份' },
    })
  ).json()) as { value: string };
  expect(revealed.value).toMatch(/^1[3-9]\d{9}$/);

  await page.goto('/audit');
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  const table = page.getByTestId('audit-table');
  await page.getByTestId('audit-staff').click();
  await page.keyboard.type('刘洋');
  await page.keyboard.press('Enter');
  await page.getByTestId('audit-action').locator('input').fill('reveal.*');
  const reply = page.waitForResponse(
    (r) => r.url().includes('/api/audit?') && r.url().includes('staffId=') && r.url().includes('reveal'),
  );
  await page.getByTestId('audit-search').click();
  await reply;
  const row = table.locator('tbody tr').filter({ hasText: '查看完整手机号' }).first();
  await expect(row).toContainText('刘洋');
  await expect(row).toContainText(customer?.id.slice(0, 8) ?? '');
  // The reason keeps its words but not the number; the value is masked.
  await expect(row).toContainText('客户来电 139****5678 核对身份');
  await expect(row).toContainText(`${revealed.value.slice(0, 3)}****${revealed.value.slice(-4)}`);
  const cells = await table.locator('tbody td').allInnerTexts();
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c).not.toContain(revealed.value);
    expect(c).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
    expect(c).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  }
  const actions = await table.getByTestId('audit-action-code').allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => a.startsWith('reveal.'))).toBe(true);
  const staffCells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(staffCells.every((c) => c.includes('刘洋'))).toBe(true);
});

test('a teller has no settings, audit or staff screens, and is refused on /settings', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  const menu = page.getByRole('menu');
  await expect(menu).toContainText('柜台叫号');
  for (const name of ['网点管理', '规则设置', '审计日志', '员工与窗口'])
    await expect(menu).not.toContainText(name);
  await page.goto('/settings');
  await expect(page.getByTestId('denied')).toContainText('无权访问');
  await expect(page.getByTestId('settings-screen')).toHaveCount(0);
  // The server refuses as well; the screen is not the only guard.
  expect((await page.request.get('/api/settings')).status()).toBe(403);
  await page.goto('/audit');
  await expect(page.getByTestId('denied')).toBeVisible();
});
