import { expect, test } from './fixtures';
import { DESK_VIEWPORT, SHOTS } from './admin-helpers';
import { LoginPage } from './pages';

test.use({ viewport: DESK_VIEWPORT });

/** Staff, counters and lobby displays, as a branch manager keeps them (员工与窗口). */

test('a branch manager adds a teller, sets the counter and resets the password; the teller changes it', async ({
  page,
  browser,
}) => {
  await new LoginPage(page).login('manager1');
  await page.goto('/staff');
  await expect(page.getByTestId('staff-screen')).toBeVisible();
  await expect(page.getByTestId('staff-row-teller1')).toContainText('柜员');

  await page.getByTestId('staff-add').click();
  await page.getByTestId('staff-username').fill('teller9');
  await page.getByTestId('staff-displayName').fill('柜员 测试九');
  // Only an admin may give manager or admin roles: greyed out for a branch manager.
  await page.getByTestId('staff-role').click();
  await expect(page.locator('.ant-select-item-option-disabled', { hasText: '网点负责人' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('staff-password').fill('short');
  await page.getByTestId('staff-save').click();
  await expect(page.getByTestId('staff-form')).toContainText('密码至少 8 位');
  await page.getByTestId('staff-password').fill('abc12345');
  await page.getByTestId('staff-save').click();
  await expect(page.getByText('已新增员工 柜员 测试九')).toBeVisible();
  const row = page.getByTestId('staff-row-teller9');
  await expect(row).toContainText('柜员 测试九');
  await expect(row).toContainText('在岗');

  await page.getByTestId('staff-edit-teller9').click();
  await page.getByRole('dialog').getByLabel('窗口').click();
  await page.keyboard.type('1号');
  await page.keyboard.press('Enter');
  await page.getByTestId('staff-save').click();
  await expect(row).toContainText('1 · 1号窗口');

  await page.getByTestId('staff-reset-teller9').click();
  await page.getByTestId('reset-password').fill('newpass123');
  await page.getByTestId('reset-confirm').fill('newpass123');
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('已重置 柜员 测试九 的密码')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/staff.png`, fullPage: true });

  // The teller logs in with the reset password and changes it from the user menu.
  const ctx = await browser.newContext();
  const teller = await ctx.newPage();
  await new LoginPage(teller).login('teller9', 'newpass123');
  await teller.getByTestId('me').click();
  await teller.getByText('修改密码').click();
  await teller.getByTestId('password-old').fill('wrongpass1');
  await teller.getByTestId('password-new').fill('mypass456');
  await teller.getByTestId('password-confirm').fill('mypass456');
  await teller.getByTestId('password-save').click();
  await expect(teller.getByRole('dialog')).toContainText('原密码不正确');
  await teller.getByTestId('password-old').fill('newpass123');
  await teller.getByTestId('password-save').click();
  await expect(teller.getByText('密码已修改')).toBeVisible();
  await teller.getByRole('button', { name: '退出登录' }).click();
  await new LoginPage(teller).login('teller9', 'mypass456');
  await ctx.close();

  // Every step is in the audit trail.
  await page.goto('/audit');
  await page.getByTestId('audit-action').locator('input').fill('staff.*');
  await page.getByTestId('audit-search').click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('新增员工');
  await expect(table).toContainText('重置密码');
  await expect(table).toContainText('修改员工信息');
});

test('a branch manager adds a counter and changes what it serves', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  await page.goto('/staff');
  await page.getByRole('tab', { name: '窗口' }).click();
  await page.getByTestId('counter-add').click();
  await page.getByTestId('counter-number').fill('21');
  await page.getByTestId('counter-name').fill('21号窗口');
  await page.getByRole('dialog').getByLabel('服务队列').click();
  await page.keyboard.type('个人');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.getByTestId('counter-save').click();
  await expect(page.getByText('已新增窗口 21号窗口')).toBeVisible();
  const row = page.getByTestId('counters-table').locator('tr', { hasText: '21号窗口' });
  await expect(row).toContainText('个人业务');
  await expect(row).toContainText('否');

  // The add dialog may still be fading out when the edit dialog opens: address the edit dialog by its title.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('counter-edit-21').click();
  const edit = page.getByRole('dialog', { name: /21号窗口/ });
  await expect(edit.getByTestId('counter-name')).toHaveValue('21号窗口');
  const corporateOnly = edit.getByLabel('仅对公');
  await corporateOnly.click();
  await expect(corporateOnly).toBeChecked();
  await edit.getByTestId('counter-save').click();
  await expect(row).toContainText('是');
  // The same list is a section of the settings screen.
  await page.goto('/settings?section=counters');
  await expect(page.getByTestId('section-counters')).toContainText('21号窗口');

  // A lobby display for LAN mode: its token URL is shown once, then it can be revoked.
  await page.goto('/staff');
  await page.getByRole('tab', { name: '叫号屏' }).click();
  await page.getByTestId('display-add').click();
  await page.getByTestId('display-name').fill('大堂东侧电视');
  await page.getByTestId('display-create').click();
  await expect(page.getByTestId('display-url')).toContainText(/\/display\?token=[\w-]{16,}/);
  await page.getByRole('button', { name: '完成' }).click();
  const display = page.getByTestId('displays-table').locator('tr', { hasText: '大堂东侧电视' });
  await expect(display).toContainText('尚未连接');
  await display.getByRole('button', { name: '停用' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
  await expect(display).toHaveCount(0);
});
