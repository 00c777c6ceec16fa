import { expect, test, type Page } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import type { AuditPage } from '../../shared/api/audit';
import type { CustomerActivity } from '../../shared/api/visit';
import {
  SIZES,
  apiAs,
  callTo,
  customerIdOf,
  expectNoSidewaysScroll,
  shot,
  staffAt,
  type SizeName,
} from './step10';

/*
 * Step 10, item 13: a walk-in served anonymously is identified at the counter during the visit. Keyboard only:
 * F3 starts the visit, F8 opens the look-up, the ID typed as a full-width IME types it, Enter looks up, Enter
 * confirms; the card then shows the customer (tier, holdings, gap to the next tier, suggestions) and an outcome
 * key records for them. Its own customer (李建国, no other spec uses him) and teller2's counter.
 */
const WHO = SHOWCASE.rural;
const TELLER = 'teller2';
/** The ID number as a Chinese input method in full-width mode types it. */
const fullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Whatever this spec left at the counter is finished, so the customer holds no live ticket for other specs. */
async function finishAt(base: string, ticketId: string): Promise<void> {
  const api = await apiAs(base, TELLER);
  const t = (await (await api.get(`/api/tickets/${ticketId}`)).json()) as { status: string };
  if (t.status === 'called') await api.post(`/api/tickets/${ticketId}/events`, { data: { type: 'start' } });
  if (t.status !== 'done') await api.post(`/api/tickets/${ticketId}/events`, { data: { type: 'finish' } });
  await api.dispose();
}

async function identifyByKeyboard(page: Page, typed: string): Promise<void> {
  await page.keyboard.press('F8');
  await expect(page.getByTestId('identify-lookup').locator('input')).toBeFocused();
  await page.keyboard.type(typed);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('identify-picked')).toContainText(WHO.name);
  await expect(page.getByTestId('identify-confirm')).toBeFocused();
}

test('a walk-in is identified at the counter by keyboard; the visit and its outcome are the customer’s', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL as string;
  const ticket = await callTo(base, TELLER, null, ['account_open']);
  const { context, page } = await staffAt(browser, TELLER, SIZES['768p']);
  try {
    await expect(page.getByTestId('current-number')).toHaveText(ticket.displayNo);
    const card = page.getByTestId('identify-walk-in');
    await expect(card).toContainText('散客');
    // The key is said on the screen.
    await expect(page.getByTestId('identify-open')).toContainText('F8');
    await page.keyboard.press('F3');
    await expect(page.getByTestId('current-status')).toHaveText('办理中');

    // Esc leaves the look-up without attaching anyone, and the counter keys work again.
    await page.keyboard.press('F8');
    await expect(page.getByTestId('identify-lookup').locator('input')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('identify-lookup')).toHaveCount(0);

    // Nobody by that number: said, not silently ignored.
    await page.keyboard.press('F8');
    await page.keyboard.type('C199999999');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('identify-lookup-error')).toBeVisible();
    await page.keyboard.press('Escape');

    await identifyByKeyboard(page, fullWidth(WHO.idNumber));
    // The field shows the half-width number that was searched.
    await expect(page.getByTestId('identify-lookup').locator('input')).toHaveValue(WHO.idNumber);
    await page.keyboard.press('Enter');

    const profile = page.getByTestId('profile-panel');
    await expect(profile.getByTestId('customer-name')).toHaveText(WHO.name);
    await expect(profile.getByTestId('tier-badge')).toBeVisible();
    await expect(profile.getByTestId('next-tier')).toBeVisible();
    await expect(profile.getByTestId('holdings')).toBeVisible();
    const first = page.getByTestId('suggestions').locator('li.suggestion').first();
    await expect(first).toBeVisible();
    await expect(page.getByTestId('identify-walk-in')).toHaveCount(0);
    // The ID stays masked on the card.
    await expect(profile).not.toContainText(WHO.idNumber);

    // An outcome key now records for the customer, with this visit.
    await page.keyboard.press('a');
    await expect(first.getByTestId('suggestion-recorded')).toContainText('接受');

    const api = await apiAs(base, TELLER);
    const who = await customerIdOf(api, WHO.customerNo);
    const activity = (await (await api.get(`/api/customers/${who}/activity`)).json()) as CustomerActivity;
    expect(activity.outcomes.filter((o) => o.ticketId === ticket.id).map((o) => o.outcome)).toEqual([
      'accepted',
    ]);
    expect(activity.visits.map((v) => v.ticketId)).toContain(ticket.id);
    // A second identification of the same visit is refused (409, zh and en).
    const again = await api.post(`/api/tickets/${ticket.id}/identify`, { data: { customerId: who } });
    expect(again.status()).toBe(409);
    const body = (await again.json()) as { error: { code: string; zh: string; en: string } };
    expect(body.error.code).toBe('already_identified');
    await api.dispose();
    const manager = await apiAs(base, 'manager1');
    const audit = (await (await manager.get('/api/audit?action=ticket.identify')).json()) as AuditPage;
    expect(audit.rows.some((r) => r.targetId === ticket.id)).toBe(true);
    await manager.dispose();
  } finally {
    await context.close();
    await finishAt(base, ticket.id);
  }
});

const SHOTS: [SizeName, 'zh-CN' | 'en', string][] = [
  ['1080p', 'zh-CN', '1080p'],
  ['768p', 'zh-CN', '768p'],
  ['tablet', 'zh-CN', 'tablet'],
  ['768p', 'en', 'en-768p'],
];

for (const [size, lang, name] of SHOTS) {
  test(`identify at the counter, screenshots ${name}`, async ({ browser, baseURL }) => {
    const base = baseURL as string;
    const ticket = await callTo(base, TELLER, null, ['account_open']);
    const { context, page } = await staffAt(browser, TELLER, SIZES[size], lang);
    try {
      await expect(page.getByTestId('current-number')).toHaveText(ticket.displayNo);
      await page.keyboard.press('F3');
      await expect(page.getByTestId('cmd-finish')).toBeEnabled();
      await expectNoSidewaysScroll(page);
      await shot(page, `identify-walk-in-${name}`);
      // By customer number this time (a phone or a card work the same).
      await identifyByKeyboard(page, WHO.customerNo);
      await expectNoSidewaysScroll(page);
      await shot(page, `identify-confirm-${name}`, true);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('profile-panel').getByTestId('customer-name')).toHaveText(WHO.name);
      await expect(page.getByTestId('suggestions').locator('li.suggestion').first()).toBeVisible();
      // The ticket and the customer's name are in view after the attach (the confirm button sat low).
      await expect(page.getByTestId('current-number')).toBeInViewport();
      await expect(page.getByTestId('profile-panel').getByTestId('customer-name')).toBeInViewport();
      await expectNoSidewaysScroll(page);
      await shot(page, `identify-done-${name}`);
    } finally {
      await context.close();
      await finishAt(base, ticket.id);
    }
  });
}
