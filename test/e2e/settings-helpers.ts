import { expect, type APIRequestContext, type Page } from '@playwright/test';

/**
 * Settings-form helpers for the Step 16 per-form specs: open a section, save it with a description through the
 * confirmation, and roll back to the version a spec started from (all specs share one server).
 */

export async function settingsVersion(api: APIRequestContext): Promise<number> {
  return ((await (await api.get('/api/settings')).json()) as { version: number }).version;
}

export async function settingsConfig<T>(api: APIRequestContext): Promise<T> {
  return ((await (await api.get('/api/settings')).json()) as { config: T }).config;
}

/** Back to the version the spec started from (a rollback is a new version: nothing else is lost). */
export async function restoreSettings(api: APIRequestContext, to: number, why: string): Promise<void> {
  if ((await settingsVersion(api)) === to) return;
  const r = await api.post('/api/settings/rollback', { data: { version: to, note: `e2e ${why}: restore` } });
  expect(r.status()).toBe(200);
}

export async function openSection(page: Page, section: string): Promise<void> {
  await page.goto(`/settings?section=${section}`);
  await expect(page.getByTestId(`section-${section}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
}

/**
 * Save a section with a description: the confirmation says the change in words (`expectWords`), then the version
 * moves on by one.
 */
export async function saveSection(
  page: Page,
  section: string,
  note: string,
  expectWords: string,
  version: number,
): Promise<void> {
  await page.getByTestId(`note-${section}`).fill(note);
  await page.getByTestId(`save-${section}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('confirm-changes')).toContainText(expectWords);
  await page.getByTestId('confirm-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${version} 版`);
}

/** A screenshot of the open section at the page's size, for the Step 16 screenshot folder. */
export async function shotSection(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/output/screens/step16/${name}.png`, fullPage: true });
}
