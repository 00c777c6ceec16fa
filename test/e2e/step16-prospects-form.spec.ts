import { expect, test } from './fixtures';
import { apiAs } from './floor-helpers';
import { LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
  shotSection,
  shotSectionAtSizes,
} from './settings-helpers';

/**
 * Step 16, the walk-in prospects form (its own section: the consent form's fields keep their places): the follow-up
 * days changed from the form, saved with a description; a walk-in recorded afterwards is due that many days later in
 * the RM's list. Writes its own prospect (closed at the end) and rolls the settings back.
 */
const DAYS = 9;
const NAME = '司马表单';

test('follow-up days from the prospects form set the due date in the RM’s list', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const rm = await apiAs(baseURL as string, 'rm1');
  const before = await settingsVersion(manager);
  let prospectId: string | null = null;
  try {
    const cfg = await settingsConfig<{ prospects: { followUpDays: number }; consent: { version: string } }>(
      manager,
    );
    expect(cfg.prospects.followUpDays).not.toBe(DAYS);
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'prospects');
    const field = page.getByTestId('prospects-followUpDays');
    await expect(field).toHaveValue(String(cfg.prospects.followUpDays));
    await field.fill(String(DAYS));
    await saveSection(
      page,
      'prospects',
      `潜在客户 ${DAYS} 天内回访`,
      `回访期限（天） ${cfg.prospects.followUpDays} → ${DAYS}`,
      before + 1,
    );

    // A walk-in recorded now (its own mobile number each run) is due DAYS days later.
    const phone = `136${String(Date.now()).slice(-8)}`;
    const res = await lobby.post('/api/prospects', {
      data: {
        name: NAME,
        phone,
        intent: 'wealth',
        consent: { granted: true, scope: 'all', channel: 'counter', textVersion: cfg.consent.version },
      },
    });
    expect(res.status()).toBe(201);
    const p = (await res.json()) as { id: string; dueAt: number; createdAt: number };
    prospectId = p.id;
    expect(p.dueAt - p.createdAt).toBe(DAYS * 86_400_000);

    const rmPage = await (
      await page
        .context()
        .browser()!
        .newContext({ viewport: { width: 1366, height: 768 } })
    ).newPage();
    await new LoginPage(rmPage).login('rm1');
    await rmPage.goto('/follow-ups');
    const row = rmPage.getByTestId('prospect-table').locator('tr', { hasText: NAME }).first();
    await expect(row).toBeVisible();
    await expect(row.getByTestId('due-upcoming')).toHaveText(`${DAYS} 天后`);
    await rmPage.context().close();
  } finally {
    if (prospectId) await rm.post(`/api/prospects/${prospectId}/close`, { data: { status: 'closed' } });
    await restoreSettings(manager, before, 'step16 prospects form');
  }
});

test('screens: the prospects form at three sizes and in English', async ({ page }) => {
  await new LoginPage(page).login('manager1');
  await shotSectionAtSizes(page, 'prospects');
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openSection(page, 'prospects');
  await expect(page.getByTestId('section-prospects')).toContainText('Follow up within');
  await shotSection(page, 'prospects-en-1920x1080');
  await page.evaluate(() => localStorage.removeItem('lang'));
});
