import { expect, test } from './fixtures';
import { LoginPage } from './pages';
import { openSection } from './settings-helpers';

/**
 * The reorder buttons of the settings' list tables (业务种类 here) move a row and are named in the screen's language
 * (a screen reader read "up" and "down" on the Chinese screen). Nothing is saved.
 */
test('list tables: 下移 / 上移 move a row; the buttons are named in Chinese, and in English on the switch', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new LoginPage(page).login('manager1');
  await openSection(page, 'intents');
  const key = (i: number) => page.getByTestId(`intent-key-${i}`);
  const row = (i: number) => page.getByTestId(`intents-row-${i}`);
  const first = await key(0).inputValue();
  const second = await key(1).inputValue();
  expect(first).not.toBe(second);

  await expect(row(0).getByRole('button', { name: '上移' })).toBeDisabled();
  await row(0).getByRole('button', { name: '下移' }).click();
  await expect(key(0)).toHaveValue(second);
  await expect(key(1)).toHaveValue(first);
  await row(1).getByRole('button', { name: '上移' }).click();
  await expect(key(0)).toHaveValue(first);

  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  try {
    await openSection(page, 'intents');
    await expect(row(0).getByRole('button', { name: 'Move down' })).toBeVisible();
    await expect(row(1).getByRole('button', { name: 'Move up' })).toBeEnabled();
  } finally {
    await page.evaluate(() => localStorage.removeItem('lang'));
  }
});
