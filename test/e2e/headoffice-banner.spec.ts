import { expect, test } from './fixtures';
import { withSettings } from './floor-helpers';
import { LoginPage } from './pages';
import { withStatusReply } from './status-route';

// The e2e branch server runs without a head office, so its journal only grows: with the warning size set below what
// it holds (the demo data alone is ~40,000 changes), the manager is told on every screen; a teller is not.
test('without a head-office link, a grown journal is shown to the manager and not to the teller', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await withSettings(baseURL ?? '', 'branch', { journalWarnRows: 1_000 }, 'e2e: 总行待上送告警', async () => {
    await new LoginPage(page).login('manager1');
    const banner = page.getByTestId('headoffice-banner');
    await expect(banner).toContainText('未连接总行');
    await expect(banner).toContainText('条记录在本机等待上送');
    await expect(banner).toContainText('--headoffice');
    await expect(page.getByTestId('dashboard-screen')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: 'test/output/screens/headoffice-banner-768p.png' });
    // On the other screens too (the banner sits in the shell), and as the manager sees them in English.
    await page.goto('/settings');
    await expect(banner).toBeVisible();
    await expect(page.getByTestId('settings-current')).toBeVisible();
    for (const [name, size] of [
      ['1080p', { width: 1920, height: 1080 }],
      ['tablet', { width: 768, height: 1024 }],
    ] as const) {
      await page.setViewportSize(size);
      await expect(banner).toBeVisible();
      await page.screenshot({ path: `test/output/screens/headoffice-banner-${name}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.reload();
    await expect(banner).toContainText('No head-office link');
    await expect(page.getByTestId('settings-current')).toBeVisible();
    await page.screenshot({ path: 'test/output/screens/headoffice-banner-en.png' });
    await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));

    await new LoginPage(page).login('teller1');
    await expect(page.getByTestId('sync-banners')).toBeAttached();
    await expect(banner).toHaveCount(0);
  });
  // Back at the default size (200,000), nothing is said.
  await new LoginPage(page).login('manager1');
  await expect(page.getByTestId('sync-banners')).toBeAttached();
  await expect(page.getByTestId('headoffice-banner')).toHaveCount(0);
});

// A failing link cannot be made here (the e2e server has no head office), so the status the hub would send after a
// day of failed rounds is put in its reply; how the hub computes it is covered by the integration test.
test('a head-office link failing for over a day is shown to the manager as an error', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const patch = () => {
    const oldest = Date.now() - 26 * 3_600_000;
    const headOffice = {
      configured: true,
      pending: 4_321,
      oldestPendingAt: oldest,
      lastPushAt: oldest - 60_000,
      lastError: 'connect ECONNREFUSED 10.8.0.2:443',
      level: 'behind',
      waitedHours: 26,
    };
    return { headOffice };
  };
  await withStatusReply(page, patch, async () => {
    await new LoginPage(page).login('manager1');
    const banner = page.getByTestId('headoffice-banner');
    await expect(banner).toContainText('总行同步已中断');
    await expect(banner).toContainText('4,321 条记录等待上送总行，最早的已等待 26 小时');
    await expect(banner).toContainText('connect ECONNREFUSED 10.8.0.2:443');
    await expect(page.getByTestId('dashboard-screen')).toBeVisible();
    await page.screenshot({ path: 'test/output/screens/headoffice-behind-768p.png' });
  });
});
