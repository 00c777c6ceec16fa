import { expect, test, type Browser, type Page } from './fixtures';
import { LoginPage } from './pages';
import { apiAs } from './floor-helpers';

/**
 * Step 15, walk-in prospects: the lobby manager records a walk-in who is not a customer — name and mobile, kept only
 * once the consent box is ticked — and prints the consent slip (the exact words of the version read, both
 * languages); the relationship manager sees the follow-up with the phone masked, reveals it with a reason and marks
 * it contacted. Writes only its own prospect (a fresh mobile number each run).
 */

const DIR = 'test/output/screens/step15';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${DIR}/${name}.png`, animations: 'disabled', fullPage: true });

const GIVEN = '欧阳晓晴';
/** A mobile no demo customer has (the demo's are 138…), different on every run. */
const PHONE = `137${String(Date.now()).slice(-8)}`;
const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`;

async function pageAs(
  browser: Browser,
  user: string,
  viewport: { width: number; height: number },
  lang?: 'en',
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login(user);
  // The language switch stores the choice; the next screen opened reads it.
  if (lang) await page.evaluate(() => window.localStorage.setItem('lang', 'en'));
  return page;
}

test('lobby records a prospect with consent → the slip prints → the RM sees the follow-up', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const rmApi = await apiAs(baseURL as string, 'rm1');
  const session = (await (await rmApi.get('/api/session')).json()) as { me: { displayName: string } };
  const rmName = session.me.displayName;
  expect(rmName).not.toBe('');

  // The lobby: a walk-in (F3), then 留下联系方式.
  const lobby = await pageAs(browser, 'lobby1', { width: 1920, height: 1080 });
  await lobby.goto('/lobby');
  await lobby.getByTestId('walk-in').click();
  await lobby.getByTestId('prospect-open').click();
  const dialog = lobby.getByTestId('prospect-dialog');
  await expect(dialog.getByTestId('prospect-consent-text')).toContainText('营销联系');
  await dialog.getByTestId('prospect-name').fill(GIVEN);
  await dialog.getByTestId('prospect-phone').fill(PHONE);
  await dialog.getByTestId('prospect-rm').click();
  await lobby.locator('.ant-select-item-option').filter({ hasText: rmName }).first().click();
  // Nothing is kept without consent: the save stays disabled until the box is ticked.
  const save = lobby.getByTestId('prospect-save');
  await expect(save).toBeDisabled();
  await dialog.getByTestId('prospect-agreed').click();
  await expect(save).toBeEnabled();
  await shot(lobby, 'prospect-dialog-1920x1080');
  const created = lobby.waitForResponse(
    (r) => r.url().endsWith('/api/prospects') && r.request().method() === 'POST',
  );
  await save.click();
  const res = await created;
  expect(res.status()).toBe(201);
  const prospect = (await res.json()) as { id: string; consent: { eventId: string }; phoneMasked: string };
  expect(prospect.phoneMasked).toBe(MASKED);

  // The consent slip: its own window, the words of the version read in both languages, who and when.
  const popup = lobby.waitForEvent('popup');
  await lobby.getByTestId('prospect-print-slip').click();
  const print = await popup;
  await expect(print).toHaveURL(new RegExp(`/consent/slips/${prospect.consent.eventId}/print$`));
  await print.close();
  await lobby.getByTestId('prospect-done').click();
  const slip = await lobby.context().newPage();
  await slip.setViewportSize({ width: 800, height: 1280 });
  await slip.goto(`/consent/slips/${prospect.consent.eventId}/print?noprint=1`);
  const paper = slip.getByTestId('consent-slip');
  await expect(paper.getByTestId('consent-slip-zh')).toContainText('本人同意本行');
  await expect(paper.getByTestId('consent-slip-en')).toContainText('I agree that the bank');
  await expect(paper.getByTestId('consent-slip-decision')).toContainText('同意 Agreed');
  await expect(paper.getByTestId('consent-slip-subject')).toContainText(MASKED);
  await expect(paper.getByTestId('consent-slip-version')).not.toBeEmpty();
  await expect(paper.getByTestId('consent-slip-staff')).not.toHaveText('—');
  await expect(paper).not.toContainText(PHONE);
  await shot(slip, 'consent-slip-800x1280');
  await lobby.context().close();

  // The RM's follow-ups: the prospect, phone masked; 显示 with a reason shows the number; 已联系 closes it.
  for (const [w, h, lang] of [
    [1366, 768, undefined],
    [800, 1280, undefined],
    [1920, 1080, 'en'],
  ] as const) {
    const page = await pageAs(browser, 'rm1', { width: w, height: h }, lang);
    await page.goto('/follow-ups');
    const row = page.getByTestId('prospect-table').locator('tr', { hasText: GIVEN });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('phone-masked')).toHaveText(MASKED);
    await row.scrollIntoViewIfNeeded();
    await shot(page, `prospect-follow-up-${w}x${h}${lang ? '-en' : ''}`);
    await page.context().close();
  }

  const page = await pageAs(browser, 'rm1', { width: 1920, height: 1080 });
  await page.goto('/follow-ups');
  const row = page.getByTestId('prospect-table').locator('tr', { hasText: GIVEN });
  await row.getByTestId('phone-reveal').click();
  await page.getByRole('dialog').locator('input, textarea').first().fill('回电约见');
  await page.getByRole('dialog').getByRole('button', { name: '确认查看' }).click();
  await expect(row.getByTestId('phone-revealed')).toHaveText(PHONE);
  await row.getByTestId('prospect-contacted').click();
  await expect(page.getByTestId('prospect-table').locator('tr', { hasText: GIVEN })).toHaveCount(0);
  const manager = await apiAs(baseURL as string, 'manager1');
  const audit = (await (await manager.get('/api/audit?action=reveal.phone')).json()) as {
    rows: { targetId: string | null }[];
  };
  expect(audit.rows.some((r) => r.targetId === prospect.id)).toBe(true);
  await manager.dispose();
  await page.context().close();
  await rmApi.dispose();
});
