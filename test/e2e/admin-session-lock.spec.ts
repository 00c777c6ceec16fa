import { expect, test } from './fixtures';
import { DESK_VIEWPORT, SHOTS } from './admin-helpers';
import { LoginPage } from './pages';

test.use({ viewport: DESK_VIEWPORT });

/** The idle lock, on a fake clock, on the server's session_locked answer, and in real time on both sides. */

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
  test.setTimeout(240_000);
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
