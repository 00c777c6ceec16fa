import { expect, test } from '@playwright/test';
import { LoginPage } from './pages';

test('the branch manager backs the database up now and sees the copy kept, in Chinese and English', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new LoginPage(page).login('manager1');
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
  await page.getByRole('menuitem', { name: '数据备份' }).click();
  const screen = page.getByTestId('backups-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('backups-schedule')).toContainText('每天 20:00 后在后台复制一份数据库');
  await expect(page.getByTestId('backups-dir')).toContainText('backups');

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
  await expect(page.getByTestId('backups-schedule')).toContainText('Every day from 20:00');
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
