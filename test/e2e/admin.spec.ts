import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './pages';

/**
 * Branch administration (Step 5): versioned settings with refusals and rollback, the audit trail,
 * role-gated screens, and the idle lock that keeps the screen underneath as it was.
 */

const SHOTS = 'test/output/screens';

async function openSettings(page: Page, section = 'general'): Promise<void> {
  await page.goto(`/settings?section=${section}`);
  await expect(page.getByTestId('settings-screen')).toBeVisible();
}

async function tab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await expect(page.getByTestId(`section-${key}`)).toBeVisible();
}

async function currentVersion(page: Page): Promise<number> {
  const text = (await page.getByTestId('settings-current').textContent()) ?? '';
  const m = /当前第 (\d+) 版/.exec(text);
  expect(m, `current version in "${text}"`).not.toBeNull();
  return Number(m?.[1]);
}

test('a branch manager changes the elderly age, is refused a negative tier band, and rolls back', async ({
  page,
}) => {
  await new LoginPage(page).login('manager1');
  await expect(page.getByRole('menuitem', { name: '规则设置' })).toBeVisible();
  await openSettings(page);
  const before = await currentVersion(page);

  // 1. A simple value through the form: a new version with who and why.
  const general = page.getByTestId('section-general');
  const age = general.getByLabel('老年客户年龄（岁）');
  await expect(age).toHaveValue('60');
  await age.fill('65');
  await page.getByTestId('note-general').fill('老年客户年龄按分行通知调整为65岁');
  await page.getByTestId('save-general').click();
  await expect(page.getByText(`已保存为第 ${before + 1} 版`)).toBeVisible();
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 1} 版`);
  await expect(page.getByTestId('settings-current')).toContainText('刘洋');
  await expect(general.getByLabel('老年客户年龄（岁）')).toHaveValue('65');
  await page.screenshot({ path: `${SHOTS}/settings-general.png`, fullPage: true });

  await tab(page, 'versions');
  const row = page.getByTestId(`version-row-${before + 1}`);
  await expect(row).toContainText('老年客户年龄按分行通知调整为65岁');
  await expect(row).toContainText('刘洋');
  await expect(row).toContainText('当前');
  await page.getByTestId(`view-${before}`).click();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText('customer.elderlyAge');
  await expect(diff).toContainText('60');
  await expect(diff).toContainText('65');
  await page.screenshot({ path: `${SHOTS}/settings-version-diff.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  // 2. A bad value is refused with the field and the reason, next to the field and in the section.
  await tab(page, 'tiers');
  const band = page.getByTestId('tier-row-2');
  await band.locator('input').last().fill('-100');
  await page.getByTestId('save-tiers').click();
  const issues = page.getByTestId('section-tiers').getByTestId('section-issues');
  await expect(issues).toBeVisible();
  await expect(issues).toContainText('customer.tiers.2.minFen');
  await expect(issues).toContainText('不能小于 0');
  await expect(band).toContainText('不能小于 0');
  await page.screenshot({ path: `${SHOTS}/settings-refused.png`, fullPage: true });
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 1} 版`);

  // The server refuses the same value on its own, naming the field (no client check in the way).
  const cur = (await (await page.request.get('/api/settings')).json()) as {
    config: { customer: { tiers: { minFen: number }[] } };
  };
  const bad = structuredClone(cur.config);
  (bad.customer.tiers[2] as { minFen: number }).minFen = -100;
  const refused = await page.request.put('/api/settings', { data: { config: bad, note: 'bad' } });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { code: string; details: { path: string }[] } };
  expect(body.error.code).toBe('invalid_settings');
  expect(body.error.details.map((d) => d.path)).toContain('customer.tiers.2.minFen');

  // 3. Roll back to the version before the change: the elderly age is 60 again, as a new version.
  await page.getByTestId('section-tiers').getByRole('button', { name: '撤销修改' }).click();
  await tab(page, 'versions');
  await page.getByTestId(`rollback-${before}`).click();
  await page.getByTestId('rollback-note').fill('恢复原老年年龄');
  await page.getByTestId('rollback-confirm').click();
  await expect(page.getByText(`第 ${before} 版的内容已保存为第 ${before + 2} 版`)).toBeVisible();
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 2} 版`);
  await expect(page.getByTestId(`version-row-${before + 2}`)).toContainText('恢复原老年年龄');
  await tab(page, 'general');
  await expect(page.getByTestId('section-general').getByLabel('老年客户年龄（岁）')).toHaveValue('60');
  await page.screenshot({ path: `${SHOTS}/settings-after-rollback.png`, fullPage: true });

  // 4. The audit screen shows both changes, by whom.
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  await page.getByTestId('audit-action').locator('input').fill('settings.*');
  await page.getByTestId('audit-search').click();
  const table = page.getByTestId('audit-table');
  await expect(table.getByText('设置回滚')).toBeVisible();
  await expect(table.getByText('修改设置')).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: '修改设置' }).first()).toContainText('刘洋');
  await expect(table).toContainText('老年客户年龄按分行通知调整为65岁');
  // Only settings rows: the filter reached the server.
  const codes = await table.getByTestId('audit-action-code').allTextContents();
  expect(codes.length).toBeGreaterThanOrEqual(2);
  expect(codes.every((c) => c.startsWith('settings.'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/audit-settings.png`, fullPage: true });
});

test('the audit screen filters by staff and shows masked values only', async ({ page }) => {
  // A reveal by a teller leaves a row with the masked value; the full number never shows here.
  await new LoginPage(page).login('manager1');
  await page.goto('/audit');
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  const table = page.getByTestId('audit-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('audit-staff').click();
  await page.getByRole('option', { name: /刘洋/ }).click();
  await page.getByTestId('audit-action').locator('input').fill('login');
  await page.getByTestId('audit-search').click();
  await expect(table.locator('tbody tr').first()).toContainText('登录');
  const staffCells = await table.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(staffCells.length).toBeGreaterThan(0);
  expect(staffCells.every((c) => c.includes('刘洋'))).toBe(true);
  // Nothing on the page looks like a full ID (18 digits) or mobile number (11 digits).
  const text = (await page.getByTestId('audit-screen').textContent()) ?? '';
  expect(text).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
});

test('a teller has no settings, audit or staff screens, and is refused on /settings', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  const menu = page.getByRole('menu');
  await expect(menu).toContainText('柜台叫号');
  for (const name of ['规则设置', '审计日志', '员工与窗口']) await expect(menu).not.toContainText(name);
  await page.goto('/settings');
  await expect(page.getByTestId('denied')).toContainText('无权访问');
  await expect(page.getByTestId('settings-screen')).toHaveCount(0);
  // The server refuses as well; the screen is not the only guard.
  expect((await page.request.get('/api/settings')).status()).toBe(403);
  await page.goto('/audit');
  await expect(page.getByTestId('denied')).toBeVisible();
});

test('the desk locks after the idle minutes; the password unlocks the same screen as it was', async ({
  page,
}) => {
  await page.clock.install();
  await new LoginPage(page).login('manager1');
  await page.goto('/audit');
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  // Work in progress on the screen: a half-typed filter.
  await page.getByTestId('audit-target').fill('半截输入的对象编号');
  const idle = (await (await page.request.get('/api/session')).json()) as { idleLockMinutes: number };
  expect(idle.idleLockMinutes).toBeGreaterThan(0);

  await page.clock.fastForward((idle.idleLockMinutes - 1) * 60_000);
  await expect(page.getByTestId('lock-overlay')).toHaveCount(0);
  await page.clock.fastForward(61_000);
  const overlay = page.getByTestId('lock-overlay');
  await expect(overlay).toBeVisible();
  await expect(page.getByTestId('lock-who')).toContainText('刘洋');
  await expect(page.getByTestId('lock-who')).toContainText('manager1');
  await page.screenshot({ path: `${SHOTS}/lock-overlay.png`, fullPage: true });

  // A wrong password is refused and counted; the lock stays.
  await page.getByTestId('lock-password').fill('wrong-password1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lock-error')).toContainText('密码错误');
  await expect(overlay).toBeVisible();

  await page.getByTestId('lock-password').fill('demo1234');
  await page.getByTestId('lock-submit').click();
  await expect(overlay).toHaveCount(0);
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId('audit-target').locator('input')).toHaveValue('半截输入的对象编号');
  // The unlock is in the audit trail.
  await page.getByTestId('audit-target').locator('input').fill('');
  await page.getByTestId('audit-action').locator('input').fill('unlock*');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-table')).toContainText('解锁失败');
  await expect(page.getByTestId('audit-table')).toContainText('解锁屏幕');
});

test('when the server reports the session locked, the lock appears and unlocking resends the request', async ({
  page,
}) => {
  test.setTimeout(150_000);
  // Local time stands still, so only the server's idle lock can lock this session.
  await page.clock.install();
  await page.clock.pauseAt(new Date('2030-01-01T09:00:00+08:00'));
  await new LoginPage(page).login('manager1');
  const cur = (await (await page.request.get('/api/settings')).json()) as {
    config: { security: { idleLockMinutes: number } };
  };
  const original = cur.config.security.idleLockMinutes;
  const set = async (minutes: number) => {
    const r = await page.request.put('/api/settings', {
      data: {
        config: { ...cur.config, security: { ...cur.config.security, idleLockMinutes: minutes } },
        note: `e2e: idle lock ${minutes} min`,
      },
    });
    expect(r.status()).toBe(200);
  };
  await set(1);
  try {
    await page.goto('/audit');
    await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
    await page.getByTestId('audit-target').fill('保留的输入');
    // No request for over a minute of real time: the server locks the session.
    await page.waitForTimeout(62_000);
    const reply = page.waitForResponse((r) => r.url().includes('/api/audit?') && r.status() === 401);
    await page.getByTestId('audit-action').locator('input').fill('settings.*');
    await page.getByTestId('audit-search').click();
    expect(((await (await reply).json()) as { error: { code: string } }).error.code).toBe('session_locked');
    await expect(page.getByTestId('lock-overlay')).toBeVisible();
    await expect(page.getByTestId('lock-overlay')).toContainText('登录会话已锁定');
    const resent = page.waitForResponse((r) => r.url().includes('/api/audit?') && r.status() === 200);
    await page.getByTestId('lock-password').fill('demo1234');
    await page.keyboard.press('Enter');
    await resent;
    await expect(page.getByTestId('lock-overlay')).toHaveCount(0);
    await expect(page.getByTestId('audit-target').locator('input')).toHaveValue('保留的输入');
    await expect(page.getByTestId('audit-table').getByTestId('audit-action-code').first()).toHaveText(
      /^settings\./,
    );
  } finally {
    await set(original);
  }
});
