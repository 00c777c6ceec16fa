import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginPage } from './pages';

// The manager's menu groups its screens (数据导入 under 导入导出, settings under 网点管理) so that all of it fits
// the narrowest desk screen the branch has: the spec runs there.
test.use({ viewport: { width: 1366, height: 768 } });

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
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
  await page.getByRole('menuitem', { name: '规则设置' }).click();
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  const before = await currentVersion(page);

  // 1. A simple value through the form: a new version with who and why.
  const general = page.getByTestId('section-general');
  const age = general.getByLabel('老年客户年龄（岁）');
  await expect(age).toHaveValue('60');
  await age.fill('65');
  await page.getByTestId('note-general').fill('老年客户年龄按分行通知调整为65岁');
  await page.getByTestId('save-general').click();
  // Saving asks for a confirmation that says what changes, in words.
  await expect(page.getByTestId('confirm-changes')).toContainText('客户：老年客户年龄 60 → 65');
  await page.getByTestId('confirm-save').click();
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
  const diff = page.getByTestId('version-words');
  await expect(diff).toContainText('客户：老年客户年龄 60 → 65');
  await page.screenshot({ path: `${SHOTS}/settings-version-diff.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  // 2. A bad value is refused with the field and the reason, next to the field and in the section.
  await tab(page, 'tiers');
  const band = page.getByTestId('tier-row-2');
  await band.locator('input').last().fill('-100');
  await page.getByTestId('note-tiers').fill('试一个负数下限');
  await page.getByTestId('save-tiers').click();
  const issues = page.getByTestId('section-tiers').getByTestId('section-issues');
  await expect(issues).toBeVisible();
  await expect(issues).toContainText('层级「中端客户」·资产下限');
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
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
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
  await expect(page.getByTestId('audit-target')).toHaveValue('半截输入的对象编号');
  // The unlock is in the audit trail.
  await page.getByTestId('audit-target').fill('');
  await page.getByTestId('audit-action').locator('input').fill('unlock*');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-table')).toContainText('解锁失败');
  await expect(page.getByTestId('audit-table')).toContainText('解锁屏幕');
});

test('when the server answers session_locked, the lock appears and unlocking sends the request again', async ({
  page,
}) => {
  await new LoginPage(page).login('manager1');
  await page.goto('/audit');
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
  // The server's answer to a request on an idle session (the real one is proved in the next test).
  await page.route(
    '**/api/audit?*',
    (route) =>
      route.fulfill({
        status: 401,
        json: {
          error: {
            code: 'session_locked',
            message: '长时间未操作，屏幕已锁定，请输入密码解锁 / Locked after inactivity',
            zh: '长时间未操作，屏幕已锁定，请输入密码解锁',
            en: 'Locked after inactivity; enter your password to unlock',
          },
        },
      }),
    { times: 1 },
  );
  await page.getByTestId('audit-action').locator('input').fill('login');
  await page.getByTestId('audit-search').click();
  const overlay = page.getByTestId('lock-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('登录会话已锁定');
  // F-keys and typing outside the lock card do not reach the screen underneath.
  await page.keyboard.press('F5');
  await expect(overlay).toBeVisible();
  const resent = page.waitForResponse((r) => r.url().includes('/api/audit?') && r.status() === 200);
  await page.getByTestId('lock-password').fill('demo1234');
  await page.keyboard.press('Enter');
  await resent;
  await expect(overlay).toHaveCount(0);
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByTestId('audit-action').locator('input')).toHaveValue('login');
  await expect(page.getByTestId('audit-table').getByTestId('audit-action-code').first()).toHaveText('login');
});

test('after the idle minutes both this desk and the server are locked; the password opens both', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await new LoginPage(page).login('manager1');
  const cur = (await (await page.request.get('/api/settings')).json()) as {
    config: { security: { idleLockMinutes: number } };
  };
  const original = cur.config.security.idleLockMinutes;
  const setIdle = async (minutes: number) => {
    const r = await page.request.put('/api/settings', {
      data: {
        config: { ...cur.config, security: { ...cur.config.security, idleLockMinutes: minutes } },
        note: `e2e: idle lock ${minutes} min`,
      },
    });
    expect(r.status()).toBe(200);
  };
  await setIdle(1);
  try {
    await page.goto('/settings?section=security');
    await expect(page.getByTestId('section-security').getByLabel('空闲锁屏（分钟）')).toHaveValue('1');
    // Real time, no fake clock: a minute without keyboard, mouse or requests.
    await page.waitForTimeout(62_000);
    await expect(page.getByTestId('lock-overlay')).toBeVisible();
    const locked = await page.request.get('/api/settings');
    expect(locked.status()).toBe(401);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('session_locked');
    await page.getByTestId('lock-password').fill('demo1234');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lock-overlay')).toHaveCount(0);
    expect((await page.request.get('/api/settings')).status()).toBe(200);
    await expect(page.getByTestId('section-security')).toBeVisible();
  } finally {
    await setIdle(original);
  }
});

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

test('a fresh install asks for the administrator, then logs in with it', async ({ page }) => {
  // A server of its own without demo data: nobody exists yet.
  const dir = mkdtempSync(join(tmpdir(), 'triage-setup-'));
  const server = spawn(
    process.execPath,
    ['dist/server/cli.js', '--port', '0', '--no-demo', '--data', join(dir, 'data'), '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /Open (http:\/\/[^\s/]+)\//.exec(out);
        if (m) resolve(m[1] as string);
      });
      server.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
      setTimeout(() => reject(new Error(`no URL in: ${out}`)), 30_000);
    });
    await page.goto(`${url}/login`);
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByTestId('setup-username').fill('chief');
    await page.getByTestId('setup-displayName').fill('行长 陈');
    await page.getByTestId('setup-password').fill('weak');
    await page.getByTestId('setup-confirm').fill('weak');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-screen')).toContainText('密码至少 8 位');
    await page.getByTestId('setup-password').fill('Chief2025');
    await page.getByTestId('setup-confirm').fill('Chief2025');
    await page.screenshot({ path: `${SHOTS}/setup.png`, fullPage: true });
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('me')).toContainText('行长 陈');
    // Setup is done for good: the login screen no longer sends anyone there.
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`${url}/setup`);
    await expect(page).toHaveURL(/\/login$/);
  } finally {
    server.kill('SIGTERM');
  }
});

test('a JSON section (campaigns, the administrator view) is refused with the field path, and a valid edit saves', async ({
  page,
}) => {
  // Branch managers edit campaigns as a form (step16-forms.spec.ts); the raw JSON stays behind the admin's switch.
  await new LoginPage(page).login('admin');
  await openSettings(page, 'campaigns');
  await page.getByTestId('json-view').click();
  const before = await currentVersion(page);
  const editor = page.getByTestId('json-campaigns');
  const campaigns = JSON.parse(await editor.inputValue()) as { productCodes: string[]; zh?: string }[];
  expect(campaigns.length).toBeGreaterThan(0);

  const bad = structuredClone(campaigns);
  (bad[0] as { productCodes: string[] }).productCodes[0] = 'NO_SUCH_PRODUCT';
  await editor.fill(JSON.stringify(bad, null, 2));
  await page.getByTestId('note-campaigns').fill('改第一个活动的产品');
  await page.getByTestId('save-campaigns').click();
  const issues = page.getByTestId('section-campaigns').getByTestId('section-issues');
  await expect(issues).toContainText('suggest.campaigns.0.productCodes.0');
  await expect(issues).toContainText('活动引用了不存在的产品');
  await page.screenshot({ path: `${SHOTS}/settings-json-refused.png`, fullPage: true });

  // Broken JSON cannot be sent at all.
  await editor.fill('[{');
  await expect(page.getByTestId('section-campaigns')).toContainText('JSON 格式错误');
  await expect(page.getByTestId('save-campaigns')).toBeDisabled();

  // Dropping the first campaign is valid.
  await editor.fill(JSON.stringify(campaigns.slice(1), null, 2));
  await page.getByTestId('note-campaigns').fill('停止第一个营销活动');
  await page.getByTestId('save-campaigns').click();
  await page.getByTestId('confirm-save').click();
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 1} 版`);
  const saved = (await (await page.request.get('/api/settings')).json()) as {
    config: { suggest: { campaigns: unknown[] } };
  };
  expect(saved.config.suggest.campaigns).toHaveLength(campaigns.length - 1);
});
