import { expect, test } from './fixtures';
import { LoginPage } from './pages';
import { withStatusReply } from './status-route';

test('the branch manager backs the database up now and sees the copy kept, in Chinese and English', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new LoginPage(page).login('manager1');
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  const screen = page.getByTestId('backups-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('backups-schedule')).toContainText('每天 12:00 后在后台复制一份数据库');
  await expect(page.getByTestId('backups-dir')).toContainText('backups');
  await expect(page.getByTestId('backups-free')).toContainText(
    /这块磁盘剩余 [\d.]+ (MB|GB)；每次备份后至少留出 1\.00 GB/,
  );

  await page.getByTestId('backup-now').click();
  const done = page.getByTestId('backup-done');
  await expect(done).toContainText(/上次备份 branch-\d{4}-\d{2}-\d{2}-\d{4}\.db：[\d.]+ MB，用时 [\d.]+ 秒/, {
    timeout: 30_000,
  });
  const name = /branch-[\d-]+\.db/.exec((await done.textContent()) ?? '')?.[0] ?? '';
  await expect(page.getByTestId('backup-files')).toContainText(name);
  await expect(page.getByTestId('backup-now')).toBeEnabled();
  await page.screenshot({ path: 'test/output/screens/backups-768p.png', fullPage: true });
  for (const [label, size] of [
    ['1080p', { width: 1920, height: 1080 }],
    ['tablet', { width: 768, height: 1024 }],
  ] as const) {
    await page.setViewportSize(size);
    await expect(page.getByTestId('backup-files')).toBeVisible();
    await page.screenshot({ path: `test/output/screens/backups-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.reload();
  await expect(page.getByTestId('backups-schedule')).toContainText('Every day from 12:00');
  await expect(page.getByTestId('backups-free')).toContainText('free on this disk');
  await expect(page.getByTestId('backup-files')).toContainText(name);
  await page.screenshot({ path: 'test/output/screens/backups-en.png', fullPage: true });
  await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
});

test('a teller has no backups screen', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  await page.goto('/backups');
  await expect(page.getByTestId('backups-screen')).toHaveCount(0);
  await expect(page.getByText('无权访问')).toBeVisible();
});

// Copies that stopped (a full disk) are told on every screen; the e2e server's own copies succeed, so the failure
// the hub would report is put in its status reply (how the hub decides is covered by the integration test).
test('a failed backup is told to the manager on every screen, with the way to the backups screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const patch = () => ({
    backup: { kind: 'failed', at: Date.now() - 3_600_000, message: 'ENOSPC: no space left on device' },
  });
  await withStatusReply(page, patch, async () => {
    await new LoginPage(page).login('manager1');
    const banner = page.getByTestId('backup-banner');
    await expect(banner).toContainText('数据库备份失败');
    await expect(banner).toContainText('ENOSPC: no space left on device');
    await expect(page.getByTestId('dashboard-screen')).toBeVisible();
    await page.screenshot({ path: 'test/output/screens/backup-failed-banner-768p.png' });
    await banner.getByRole('button', { name: '打开数据备份' }).click();
    await expect(page.getByTestId('backups-screen')).toBeVisible();
  });
});
