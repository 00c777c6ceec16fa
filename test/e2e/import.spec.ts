import { expect, test, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiAs, withSettings } from './floor-helpers';
import { LoginPage } from './pages';

// The manager's menu groups its screens (数据导入 under 导入导出, settings under 网点管理) so that all of it fits
// the narrowest desk screen the branch has: the spec runs there.
test.use({ viewport: { width: 1366, height: 768 } });

const SAMPLES = join(process.cwd(), 'resources/samples');

async function openImport(page: Page, kind: string): Promise<void> {
  await page.goto('/import');
  await expect(page.getByTestId('import-screen')).toBeVisible();
  await page.getByTestId('import-kind').getByText(kind, { exact: true }).click();
}

function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  return page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

test('the branch manager imports customers and watches the progress fed by the server', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  await page.getByRole('menuitem', { name: '导入导出' }).hover();
  await expect(page.getByRole('menuitem', { name: '数据导入' })).toBeVisible();
  await page.screenshot({ path: 'test/output/screens/menu-manager-768p.png' });
  await openImport(page, '客户信息');

  // A file big enough to take a few seconds: the progress comes from the server while it reads.
  const rows = ['客户号,客户姓名,手机号,营销授权'];
  for (let i = 0; i < 40_000; i++)
    rows.push(`C8${String(i).padStart(8, '0')},测试客户${i},195${String(i).padStart(8, '0')},是`);
  const progress: { rowsRead: number; status: string }[] = [];
  page.on('response', async (r) => {
    if (/\/api\/import\/jobs\/[^/]+$/.test(r.url()) && r.request().method() === 'GET') {
      progress.push((await r.json()) as { rowsRead: number; status: string });
    }
  });
  await upload(page, '客户批量.csv', Buffer.from(rows.join('\n') + '\n'));
  await expect(page.getByTestId('import-progress')).toBeVisible();
  // While it runs: the bar and the counters the server reports (rows read, rejected, time left).
  const rowsRead = page.getByTestId('import-rows-read');
  const applied = page.getByTestId('import-applied');
  await expect(rowsRead.or(applied)).toBeVisible();
  if (await rowsRead.isVisible()) {
    await expect(page.getByTestId('import-progress-bar')).toBeVisible();
    await page
      .screenshot({ path: 'test/output/screens/import-progress.png', fullPage: true })
      .catch(() => undefined);
  }
  await expect(applied).toBeVisible({ timeout: 60_000 });
  // The screen was fed by the server while the file was being read.
  expect(progress.some((p) => p.status === 'running' && p.rowsRead > 0)).toBe(true);
  await expect(page.getByTestId('import-applied')).toContainText('40,000 行已写入');
  const tiers = page.getByTestId('import-tiers');
  await expect(tiers).toContainText('潜力客户');
  await expect(page.getByTestId('import-history')).toContainText('客户批量.csv');
  await page.screenshot({ path: 'test/output/screens/import-applied.png', fullPage: true });
});

test('a file with bad rows is refused whole, with a report of every bad row to download', async ({
  page,
}) => {
  await new LoginPage(page).login('manager1');
  await openImport(page, '客户信息');
  await upload(page, 'customers-with-errors.csv', readFileSync(join(SAMPLES, 'customers-with-errors.csv')));
  await expect(page.getByTestId('import-rejected')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('import-rejected')).toContainText('发现 3 行有问题');
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('身份证号码校验位错误');
  await expect(issues).toContainText('在文件中重复');
  await expect(issues.locator('tbody tr')).toHaveCount(5);
  await page.screenshot({ path: 'test/output/screens/import-report.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('import-report-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('导入报告');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.trim().split('\r\n')).toHaveLength(6);
});

test('sample balances in XLSX recompute the tiers, shown before and after', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  await openImport(page, '客户信息');
  await upload(page, 'customers-gbk.csv', readFileSync(join(SAMPLES, 'customers-gbk.csv')));
  await expect(page.getByTestId('import-applied')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: '导入另一份文件' }).click();
  await page.getByTestId('import-kind').getByText('持有产品余额', { exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(join(SAMPLES, 'holdings.xlsx'));
  await expect(page.getByTestId('import-applied')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('import-tiers')).toContainText('中端客户');
  await expect(page.getByTestId('import-result')).toContainText('层级迁移');
});

test('a file whose write would pause the branch waits for the manager, who starts it (zh and en)', async ({
  page,
  baseURL,
}) => {
  // The branch asks before every write (0 s), so a small file shows the wait a big one gets in daily use.
  await withSettings(
    baseURL ?? '',
    'branch',
    { importConfirmSeconds: 0 },
    'e2e: 每份导入都确认',
    async () => {
      await new LoginPage(page).login('manager1');
      await openImport(page, '客户信息');
      const rows = [
        '客户号,客户姓名,手机号',
        'C870000001,确认甲,19870000001',
        'C870000002,确认乙,19870000002',
      ];
      await upload(page, '待确认客户.csv', Buffer.from(rows.join('\n') + '\n'));
      const ready = page.getByTestId('import-ready');
      await expect(ready).toBeVisible({ timeout: 20_000 });
      await expect(ready).toContainText('检查通过：2 行，等待写入');
      await expect(ready).toContainText('系统约暂停 1 秒');
      await expect(page.getByTestId('import-cancel')).toBeEnabled();
      // Nothing is written while it waits.
      const api = await apiAs(baseURL ?? '', 'manager1');
      expect((await api.get('/api/customers/lookup?q=C870000001')).status()).toBe(404);
      await page.screenshot({ path: 'test/output/screens/import-ready.png', fullPage: true });
      for (const [name, size] of [
        ['1080p', { width: 1920, height: 1080 }],
        ['tablet', { width: 768, height: 1024 }],
      ] as const) {
        await page.setViewportSize(size);
        await expect(page.getByTestId('import-write-now')).toBeVisible();
        await page.screenshot({ path: `test/output/screens/import-ready-${name}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      // Back on the screen later (here: a reload, in English), the waiting file is shown again, not lost.
      await page.evaluate(() => localStorage.setItem('lang', 'en'));
      await page.reload();
      await expect(ready).toContainText('Checked: 2 rows, waiting to be written');
      await expect(ready).toContainText('pauses for about 1 s');
      await page.screenshot({ path: 'test/output/screens/import-ready-en.png', fullPage: true });
      await page.getByTestId('import-write-now').click();
      await expect(page.getByTestId('import-applied')).toContainText('Imported: 2 rows written.', {
        timeout: 20_000,
      });
      await expect(page.getByTestId('import-history')).toContainText('待确认客户.csv');
      expect((await api.get('/api/customers/lookup?q=C870000001')).status()).toBe(200);
      await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
      await api.dispose();
    },
  );
});

test('front-line staff do not see the import screen', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  await expect(page.getByRole('menuitem', { name: '导入导出' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '数据导入' })).toHaveCount(0);
});
