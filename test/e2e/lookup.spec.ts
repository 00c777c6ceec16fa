import { expect, test } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { LoginPage, LookupPage } from './pages';

test('a teller logs in and looks up a customer by ID number', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  await new LookupPage(page).search(SHOWCASE.private.idNumber);
  const card = page.getByTestId('customer-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('tier-badge')).toHaveText('私行客户');
  const masked = card.getByTestId('id-masked');
  await expect(masked).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  await expect(page.locator('body')).not.toContainText(SHOWCASE.private.idNumber);
  await page.screenshot({ path: 'test/output/screens/lookup-private.png', fullPage: true });
});

test('the distance to the next tier is shown', async ({ page }) => {
  await new LoginPage(page).login('teller1');
  await new LookupPage(page).search(SHOWCASE.effective.phone);
  await expect(page.getByTestId('next-tier')).toHaveText('还差 ¥3,200 到中端客户');
  await page.screenshot({ path: 'test/output/screens/lookup-effective.png', fullPage: true });
});

test('a mistyped ID number is reported as a typo', async ({ page }) => {
  await new LoginPage(page).login('lobby1');
  const id = SHOWCASE.private.idNumber;
  await new LookupPage(page).search(id.slice(0, 17) + (id[17] === '0' ? '1' : '0'));
  await expect(page.getByTestId('lookup-error')).toContainText('校验位');
});

test('a wrong password is refused on the login screen', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('teller1');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
});
