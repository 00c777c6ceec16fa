import { expect, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test';

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
 * moves on by one. `preview`, if given, looks at the confirmation first (the section's impact preview).
 */
export async function saveSection(
  page: Page,
  section: string,
  note: string,
  expectWords: string,
  version: number,
  preview?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByTestId(`note-${section}`).fill(note);
  await page.getByTestId(`save-${section}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('confirm-changes')).toContainText(expectWords);
  if (preview) await preview(dialog);
  await confirmSave(page, version);
}

/**
 * 确认保存 in the open confirmation, then the page shows `version` as current. Checked by the server's answer: on a
 * loaded machine a click on the opening dialog can send nothing (clicked again then); one that did send is never
 * repeated, so no version is saved twice. After the answer the whole section renders again from the new version:
 * the products form (45 rows) took 1.6–3.7 s for that beside a CPU hog and one more e2e run, and over 10 s when the
 * machine was busier still, so the page gets as long as opening a section does.
 */
export async function confirmSave(page: Page, version: number): Promise<void> {
  const isSave = (r: Request) => r.method() === 'PUT' && new URL(r.url()).pathname === '/api/settings';
  for (let attempt = 1; ; attempt++) {
    const sent = page.waitForRequest(isSave, { timeout: 5_000 }).catch(() => null);
    await page.getByTestId('confirm-save').click();
    const request = await sent;
    if (request) {
      const answer = await request.response();
      expect(answer?.status(), `save refused: ${await answer?.text()}`).toBe(200);
      break;
    }
    if (attempt === 3) throw new Error('保存 was confirmed three times and never reached the server');
  }
  await expect(page.getByTestId('confirm-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${version} 版`, {
    timeout: 30_000,
  });
}

/** A screenshot of the open section at the page's size, for the Step 16 screenshot folder. */
export async function shotSection(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/output/screens/step16/${name}.png`, fullPage: true });
}

/** The sizes every Step 16 form is looked at: wide, laptop, tablet portrait. */
export const FORM_SIZES = [
  [1920, 1080],
  [1366, 768],
  [800, 1280],
] as const;

/** One section opened and shot at each of FORM_SIZES, as `<section>-<w>x<h>.png`. */
export async function shotSectionAtSizes(page: Page, section: string): Promise<void> {
  for (const [width, height] of FORM_SIZES) {
    await page.setViewportSize({ width, height });
    await openSection(page, section);
    await shotSection(page, `${section}-${width}x${height}`);
  }
}
