import { expect, test } from './fixtures';
import { LoginPage } from './pages';

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
  { name: 'tablet', width: 800, height: 1280 },
];

test('the branch manager lands on the dashboard and opens the reports (screenshots)', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard-screen')).toBeVisible();
  await expect(page.getByTestId('dash-counters')).toBeVisible();
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.screenshot({ path: `test/output/screens/step11/dashboard-${s.name}.png` });
  }
  await page.goto('/reports');
  await expect(page.getByTestId('rep-total')).toBeVisible();
  await expect(page.getByTestId('chart-heat')).toBeVisible();
  for (const s of SIZES) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.screenshot({ path: `test/output/screens/step11/reports-${s.name}.png` });
  }
  // The whole page at 1366: the product chart and the tables below the fold are looked at too.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test/output/screens/step11/reports-full-1366x768.png', fullPage: true });
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/dashboard');
  await expect(page.getByTestId('dashboard-screen')).toContainText('Branch dashboard');
  await page.screenshot({ path: 'test/output/screens/step11/dashboard-en.png' });
  await page.goto('/reports');
  await expect(page.getByTestId('rep-total')).toBeVisible();
  await page.screenshot({ path: 'test/output/screens/step11/reports-en.png' });
});
