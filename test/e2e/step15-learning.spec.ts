import { expect, test, type APIRequestContext, type Page } from './fixtures';
import { CounterPage, LoginPage, ProfilePanel } from './pages';
import { apiAs, releaseTickets, withVisitSettings } from './floor-helpers';

/**
 * Step 15 at the counter: a product declined with "暂不需要" is not suggested on the next visit, the panel says why
 * and the card that moved up says whom it replaces; the customer withdraws marketing consent at the desk and the
 * product suggestions stop (service information only). Writes only its own customer's outcomes and consent.
 */

const DIR = 'test/output/screens/step15';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${DIR}/${name}.png`, animations: 'disabled', fullPage: true });

interface Suggestions {
  items: { productCode: string; marketing: boolean; name: { zh: string } }[];
  hints: { code: string }[];
}

/** A generated demo customer no other spec uses, with marketing consent and at least three product suggestions. */
async function pickCustomer(api: APIRequestContext): Promise<{ id: string; no: string }> {
  for (let n = 12; n <= 29; n++) {
    const no = `C1000000${String(n).padStart(2, '0')}`;
    const found = (await (await api.get(`/api/customers/lookup?q=${no}`)).json()) as {
      customers?: { id: string; kind: string }[];
    };
    const c = found.customers?.[0];
    if (!c || c.kind !== 'individual') continue;
    const s = (await (
      await api.get(`/api/customers/${c.id}/suggestions?intents=wealth`)
    ).json()) as Suggestions;
    if (s.items.filter((i) => i.marketing).length >= 3) return { id: c.id, no };
  }
  throw new Error('no demo customer with three product suggestions');
}

/** D on the active suggestion, 暂不需要, save; `beforeSave` runs with the reason chosen, just before the save. */
async function declineNotInterested(page: Page, beforeSave: () => void = () => undefined): Promise<void> {
  await page.keyboard.press('d');
  const dialog = page.getByTestId('decline-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('decline-not_interested').check();
  beforeSave();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保存|确定|记录/ })
    .click();
}

async function issue(lobby: APIRequestContext, baseURL: string, customerId: string) {
  const manager = await apiAs(baseURL, 'manager1');
  await releaseTickets(manager, customerId);
  await manager.dispose();
  const res = await lobby.post('/api/tickets', { data: { customerId, intents: ['wealth'], flags: {} } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { ticket: { displayNo: string } }).ticket.displayNo;
}

test('declined "暂不需要" → absent next visit with the reason; consent withdrawn → suggestions stop', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const lobby = await apiAs(base, 'lobby1');
  const teller = await apiAs(base, 'teller3');
  const { id } = await pickCustomer(teller);
  const texts = (await (await teller.get('/api/consent/texts')).json()) as { version: string };
  const consent = (granted: boolean) =>
    teller.post(`/api/customers/${id}/consent`, {
      data: { purpose: 'marketing', granted, scope: 'all', channel: 'counter', textVersion: texts.version },
    });
  expect((await consent(true)).status()).toBe(201);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await new LoginPage(page).login('teller3');
  const counter = new CounterPage(page);
  await expect(page).toHaveURL(/\/counter$/);
  await counter.clear();

  // Visit 1: the first suggestion is declined with 暂不需要 (D, then 1 for the first reason, Enter).
  await counter.callUntil(await issue(lobby, base, id));
  await counter.start();
  const panel = new ProfilePanel(page);
  const first = panel.suggestions().first();
  await expect(first).toBeVisible();
  const declined = (await first.getByTestId('suggestion-name').textContent()) ?? '';
  const code = ((await first.getAttribute('data-testid')) ?? '').replace('suggestion-', '');
  // The card says why in words, no score.
  await expect(first.getByTestId('suggestion-reason-line').first()).toBeVisible();
  await expect(first.getByTestId('suggestion-score')).toHaveCount(0);
  await declineNotInterested(page);
  await expect(first.getByTestId('suggestion-reason')).toHaveText(/暂不需要/);
  await counter.finish();

  // Visit 2: the declined product is gone; the panel says why, and the card that moved up says whom it replaces.
  await counter.callUntil(await issue(lobby, base, id));
  await counter.start();
  await expect(panel.suggestions().first()).toBeVisible();
  await expect(panel.root.getByTestId(`suggestion-${code}`)).toHaveCount(0);
  const cooling = panel.root.getByTestId(`cooling-${code}`);
  await expect(cooling).toContainText(declined);
  await expect(cooling.getByTestId('cooling-why')).toHaveText('上次拒绝：暂不需要（今天）');
  const moved = panel.suggestions().filter({ hasText: `顶替「${declined}」` });
  await expect(moved).toHaveCount(1);
  await expect(moved.getByTestId('suggestion-reason-line').first()).toHaveText(
    `顶替「${declined}」：上次拒绝：暂不需要（今天）`,
  );
  await shot(page, 'counter-declined-1920x1080');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'counter-declined-1366x768');
  await page.setViewportSize({ width: 800, height: 1280 });
  await shot(page, 'counter-declined-tablet-800x1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The formula and the cool-downs, one click from the list.
  await panel.root.getByTestId('suggest-learn-help-open').click();
  await expect(page.getByTestId('suggest-learn-help')).toBeVisible();
  await expect(page.getByTestId('suggest-learn-help')).toContainText('p = (接受数 + m·k) ÷ (推荐数 + k)');
  await page.screenshot({ path: `${DIR}/suggest-help-1920x1080.png`, animations: 'disabled' });
  await panel.root.getByTestId('suggest-learn-help-open').click();
  await expect(page.getByTestId('suggest-learn-help')).toBeHidden();

  // Consent at the desk: the customer reads the text and withdraws marketing contact.
  const card = panel.root.getByTestId('consent-card');
  await expect(card.getByTestId('consent-marketing').getByTestId('consent-state')).toHaveText('已同意');
  await card.getByTestId('consent-record-marketing').click();
  const cd = page.getByTestId('consent-dialog');
  await expect(cd.getByTestId('consent-text')).toContainText('撤回');
  await page.screenshot({ path: `${DIR}/consent-dialog-1920x1080.png`, animations: 'disabled' });
  await cd.getByTestId('consent-decision').getByText('撤回', { exact: true }).click();
  await page.getByTestId('consent-save').click();
  await expect(cd).toBeHidden();
  await expect(card.getByTestId('consent-marketing').getByTestId('consent-state')).toHaveText('已撤回');
  await expect(card.getByTestId('consent-marketing')).toContainText('柜台当面');

  // Marketing suggestions stop: the hint says so and every remaining card is service information.
  await expect(panel.root.getByTestId('hint-no_marketing_consent')).toBeVisible();
  const left = panel.suggestions();
  const n = await left.count();
  for (let i = 0; i < n; i++) await expect(left.nth(i)).toContainText('仅服务信息');
  await shot(page, 'counter-consent-withdrawn-1920x1080');

  // English.
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.reload();
  await expect(panel.root.getByTestId('consent-card')).toContainText('Withdrawn');
  await shot(page, 'counter-consent-withdrawn-en-1920x1080');
  await page.evaluate(() => localStorage.removeItem('lang'));
  await page.reload();
  await expect(panel.root.getByTestId('consent-card')).toContainText('已撤回');

  await counter.finish();
  // Leave the customer as found for a rerun on the same data (the decline stays: it is the point).
  expect((await consent(true)).status()).toBe(201);
  await context.close();
  await lobby.dispose();
  await teller.dispose();
});

test('outcome required: a decline recorded, then F4 at once opens 办结, even when re-reading the activity is slow', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL as string;
  const lobby = await apiAs(base, 'lobby1');
  const teller = await apiAs(base, 'teller3');
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    await withVisitSettings(base, { requireOutcome: true }, 'e2e: 办结前须记录营销结果', async () => {
      const { id } = await pickCustomer(teller);
      const page = await context.newPage();
      // A loaded machine, made certain: once the decline is saved, the customer's activity (where the finish guard
      // counts this visit's outcomes) answers 2.5 s late. The card must not say 已记录 before the guard knows.
      let slow = false;
      await page.route('**/api/customers/*/activity', async (route) => {
        if (slow) await new Promise((r) => setTimeout(r, 2_500));
        await route.continue();
      });
      await new LoginPage(page).login('teller3');
      const counter = new CounterPage(page);
      await expect(page).toHaveURL(/\/counter$/);
      await counter.clear();
      await counter.callUntil(await issue(lobby, base, id));
      await counter.start();
      await expect(page.getByTestId('outcome-required')).toBeVisible();
      const first = new ProfilePanel(page).suggestions().first();
      await expect(first).toBeVisible();
      await declineNotInterested(page, () => {
        slow = true;
      });
      await expect(first.getByTestId('suggestion-reason')).toHaveText(/暂不需要/);
      // F4 once, as soon as the card says so: the finish dialog opens, not "record an outcome first".
      await counter.finish();
      slow = false;
    });
  } finally {
    await context.close();
    await Promise.all([lobby.dispose(), teller.dispose()]);
  }
});
