import { expect, test, type Page } from './fixtures';
import type { AuditPage } from '../../shared/api/audit';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { LobbyPage, LoginPage } from './pages';
import { apiAs, customerIdOf, releaseCustomer } from './floor-helpers';

// Issue 14, items 2–8: the lobby manager's screen and the lobby floor (大堂现场).

/** What a Chinese IME in full-width mode (全角) types for an ASCII string. */
const fullWidth = (s: string) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** A generated demo customer no other spec uses (the showcase ones are C100000001–7). */
const REGULAR = 'C100001777';

async function lobbyAs(page: Page): Promise<LobbyPage> {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.open();
  return lobby;
}

const lookupField = (page: Page) => page.getByTestId('lobby-lookup').locator('input');

test('full-width IDs, phone-like mistakes, the prompt, the keys, flags and corporate badges', async ({
  page,
}) => {
  const lobby = await lobbyAs(page);
  // Item 4: the prompt says what to do first; Enter without a visitor says what is missing.
  await expect(page.getByTestId('lobby-prompt')).toContainText('请先刷证件');

  // Item 7: a 10-digit phone-like number gets the phone message.
  await lookupField(page).fill('1380571886');
  await lookupField(page).press('Enter');
  await expect(page.getByTestId('lobby-lookup-error')).toContainText('手机号码应为1开头的11位数字');
  await expect(page.getByTestId('lobby-lookup-error')).not.toContainText('银行卡号');

  // A full-width ID (ending in the full-width X where it has one) finds the customer.
  await lookupField(page).fill(fullWidth(SHOWCASE.elderly.idNumber as string));
  await lookupField(page).press('Enter');
  await expect(page.getByTestId('customer-card')).toContainText(SHOWCASE.elderly.name);

  // Item 4: identified, the prompt moves on, and Enter says a service is missing.
  await expect(page.getByTestId('lobby-prompt')).toHaveText(/已识别客户，请选择要办理的业务/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lobby-nudge')).toContainText('请先按数字键选择业务');
  await lobby.pressIntent('cash');
  await expect(page.getByTestId('lobby-nudge')).toHaveCount(0);
  await expect(page.getByTestId('flag-elderly')).toBeChecked();

  // Item 5: the next customer (a company) does not inherit the elderly tick, before or after choosing services.
  await page.keyboard.press('Escape');
  await lobby.identify(SHOWCASE.corporate.customerNo);
  await expect(page.getByTestId('flag-elderly')).not.toBeChecked();
  // Item 7: 外汇, 对公结算 and 投诉 have keys (0, -, =).
  await expect(page.getByTestId('intent-fx').locator('kbd')).toHaveText('0');
  await expect(page.getByTestId('intent-corporate_settlement').locator('kbd')).toHaveText('-');
  await expect(page.getByTestId('intent-complaint').locator('kbd')).toHaveText('=');
  await lobby.pressIntent('corporate_settlement');
  await lobby.pressIntent('fx');
  await lobby.pressIntent('complaint');
  await expect(lobby.suggested()).toHaveText('对公窗口');
  await expect(page.getByTestId('flag-elderly')).not.toBeChecked();

  // Item 6: a company shows its grade and credit code, never the private-banking badge.
  const card = page.getByTestId('customer-card');
  await expect(card.getByTestId('corporate-grade')).toHaveText('战略客户');
  await expect(card.getByTestId('tier-badge')).toHaveCount(0);
  await expect(card.getByTestId('credit-code')).toHaveText(SHOWCASE.corporate.creditCode as string);
  await expect(card).not.toContainText('私行客户');
});

test('the suggestion shows its own line and wait; the override dialog chooses nothing for you', async ({
  page,
}) => {
  const lobby = await lobbyAs(page);
  await lobby.walkIn();
  await lobby.pressIntent('account_open');
  await expect(lobby.suggested()).toHaveText('柜台');
  // Item 8: the suggested channel's queue length and wait, as the alternatives have theirs.
  const line = page.getByTestId('suggested-line');
  await expect(line).toContainText(/\d+ 人等候/);
  await expect(line).toContainText(/约 \d+ 分钟|无需等候|暂无窗口办理/);
  await expect(page.getByTestId('alternatives')).toContainText(/\d+ 人等候/);

  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('override-vip')).toBeVisible();
  await expect(dialog.locator('input[type=radio]:checked')).toHaveCount(0);
  // The engine's reasons are information, not errors: nothing in red until the manager tries to confirm.
  await expect(dialog.locator('.ant-typography-danger')).toHaveCount(0);
  await dialog.getByTestId('override-reason').fill('客户要求');
  await dialog.getByRole('button', { name: /改派并取号/ }).click();
  await expect(dialog.getByTestId('override-pick-channel')).toHaveText('请选择改派去向');
  await page.keyboard.press('Escape');
});

/**
 * The lobby's lookups wait for `answer()`: the moment a slow network or a busy branch server makes, in which the
 * lobby manager goes on pressing keys. `searched` lists what was looked up.
 */
async function searchHeld(
  page: Page,
  q: string,
): Promise<{ searched: string[]; answer: () => Promise<void> }> {
  let release = (): void => undefined;
  const held = new Promise<void>((r) => (release = r));
  const searched: string[] = [];
  await page.route('**/api/customers/lookup**', async (route) => {
    searched.push(new URL(route.request().url()).searchParams.get('q') ?? '');
    await held;
    await route.continue();
  });
  await lookupField(page).fill(q);
  await lookupField(page).press('Enter');
  await expect.poll(() => searched).toEqual([q]);
  return {
    searched,
    answer: async () => {
      const late = page.waitForResponse((r) => r.url().includes('/api/customers/lookup'));
      release();
      expect((await late).status()).toBe(200);
      // Its body read and handled: a few turns of the page's own event loop later.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    },
  };
}

test('a service key and Enter pressed while the customer is still being looked up are kept, not typed', async ({
  page,
  baseURL,
}) => {
  const who = 'C100001500'; // a generated customer no other spec uses
  await releaseCustomer(baseURL as string, who);
  await lobbyAs(page);
  const lookup = await searchHeld(page, who);
  // 3 (转账汇款) then Enter, at a person's pace (a reader's keys come within 40 ms and end a card number).
  await page.keyboard.press('3');
  await page.waitForTimeout(120);
  const ticket = page.waitForResponse(
    (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
  );
  await page.keyboard.press('Enter');
  // Neither key went into the number, nor searched again.
  await expect(lookupField(page)).toHaveValue(who);
  await lookup.answer();
  const sent = (await ticket).request().postDataJSON() as { intents: string[] };
  expect(sent.intents).toEqual(['transfer']);
  await expect(page.getByTestId('issued-number')).toBeVisible();
  expect(lookup.searched).toEqual([who]);
  await releaseCustomer(baseURL as string, who);
});

test('Esc while the customer is still being looked up starts over: the late answer brings nobody back', async ({
  page,
}) => {
  await lobbyAs(page);
  const lookup = await searchHeld(page, REGULAR);
  await page.keyboard.press('Escape');
  await expect(lookupField(page)).toHaveValue('');
  await lookup.answer();
  await expect(page.getByTestId('customer-card')).toHaveCount(0);
  await expect(lookupField(page)).toBeFocused();
});

test('F3 while the customer is still being looked up serves a walk-in: the late answer does not replace it', async ({
  page,
}) => {
  await lobbyAs(page);
  const lookup = await searchHeld(page, REGULAR);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('walk-in-card')).toBeVisible();
  await lookup.answer();
  await expect(page.getByTestId('walk-in-card')).toBeVisible();
  await expect(page.getByTestId('customer-card')).toHaveCount(0);
});

test('one customer, one live ticket: reprint, change of service, or a second ticket with a reason', async ({
  page,
  baseURL,
}) => {
  // Three visits of the same customer, a print window and four API checks: more than the default on a busy machine.
  test.setTimeout(90_000);
  await releaseCustomer(baseURL as string, REGULAR);
  const lobby = await lobbyAs(page);
  await lobby.identify(REGULAR);
  await lobby.pressIntent('cash');
  const first = await lobby.issue();
  await page.keyboard.press('Enter');

  // The same customer again: the ticket they hold, not a silent second one.
  await lobby.identify(REGULAR);
  const held = page.getByTestId('existing-ticket');
  await expect(held.getByTestId('existing-number')).toHaveText(first.displayNo);
  await expect(held.getByTestId('existing-position')).toHaveText(/排第 \d+ 位|当前：/);
  await expect(held.getByTestId('existing-queue')).not.toBeEmpty();
  await lobby.pressIntent('wealth');
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) posted.push(r.url());
  });
  await page.keyboard.press('Enter');
  await expect(held.getByTestId('existing-nudge')).toBeVisible();
  expect(posted).toEqual([]);

  // P reprints the slip (the reprint is recorded).
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('p');
  const print = await popup;
  await expect(print).toHaveURL(new RegExp(`/ticket/${first.id}/print$`));
  await print.close();

  // C changes the service: same number, same place in line.
  await page.keyboard.press('c');
  // The mode has changed before Enter: a key is held ~40 ms to tell typing from a card reader's burst, and an Enter
  // within that time ends a burst instead of confirming (CI beside a CPU hog sent both within it once).
  await expect(page.getByTestId('existing-change')).toHaveClass(/ant-btn-primary/);
  await expect(page.getByTestId('issue')).toContainText('更换业务');
  const changed = page.waitForResponse((r) => r.url().endsWith(`/api/floor/tickets/${first.id}/services`));
  await page.keyboard.press('Enter');
  expect((await changed).status()).toBe(200);
  await expect(page.getByTestId('ticket-issued')).toContainText('已更换业务');
  await expect(page.getByTestId('issued-number')).toHaveText(first.displayNo);
  await page.keyboard.press('Enter');

  // N: a second ticket, with a reason.
  await lobby.identify(REGULAR);
  await page.keyboard.press('n');
  await page.getByTestId('second-reason').fill('个人与公司业务分开办理');
  await page.getByTestId('second-reason').press('Enter');
  await expect(page.getByTestId('second-reason-given')).toContainText('个人与公司业务分开办理');
  await lobby.pressIntent('transfer');
  const second = await lobby.issue();
  expect(second.displayNo).not.toBe(first.displayNo);

  // The server holds the rule too: without a reason, a bilingual 409.
  const api = await apiAs(baseURL as string, 'lobby1');
  const refused = await api.post('/api/tickets', {
    data: { customerId: await customerIdOf(api, REGULAR), intents: ['cash'], flags: {} },
  });
  expect(refused.status()).toBe(409);
  const err = ((await refused.json()) as { error: { code: string; zh: string; en: string } }).error;
  expect(err.code).toBe('live_ticket_exists');
  expect(err.zh).toContain('排队号');
  expect(err.en).toContain('already holds');
  const manager = await apiAs(baseURL as string, 'manager1');
  const audit = (await (await manager.get('/api/audit?action=ticket.reprint')).json()) as AuditPage;
  expect(audit.rows.some((r) => r.targetId === first.id)).toBe(true);
  await releaseCustomer(baseURL as string, REGULAR);
});

test('the floor: longest wait first, self-service served from the lobby, cancel and move with a reason, live', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const lobbyApi = await apiAs(baseURL as string, 'lobby1');
  const walkIn = async (intents: string[]) => {
    const r = await lobbyApi.post('/api/tickets', { data: { customerId: null, intents, flags: {} } });
    expect(r.status()).toBe(201);
    return ((await r.json()) as { ticket: { id: string; displayNo: string; queue: string } }).ticket;
  };
  const self = await walkIn(['statement']);
  expect(self.queue).toBe('self');
  const toCancel = await walkIn(['account_open']);
  const toMove = await walkIn(['loan']);

  await new LoginPage(page).login('lobby1');
  await page.getByRole('menuitem', { name: '大堂现场' }).click();
  await expect(page).toHaveURL(/\/floor$/);
  const row = (no: string) => page.getByTestId(`floor-row-${no}`);
  await expect(row(self.displayNo)).toBeVisible();
  await expect(row(self.displayNo)).toContainText('散客');
  await expect(row(self.displayNo).getByTestId('floor-waited')).toHaveText(/\d+ 分钟/);
  // Waiting longest first: the waiting rows' arrival order is the list order.
  const numbers = await page
    .locator('[data-testid^="floor-row-"]')
    .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-testid')?.replace('floor-row-', '') ?? ''));
  expect(numbers.indexOf(self.displayNo)).toBeLessThan(numbers.indexOf(toMove.displayNo));

  // Keyboard: the arrows move the selection.
  const selected = page.locator('.floor__row--selected');
  await expect(selected).toHaveCount(1);
  await row(self.displayNo).click();
  await expect(selected).toHaveAttribute('data-testid', `floor-row-${self.displayNo}`);
  await page.keyboard.press('ArrowDown');
  await expect(selected).not.toHaveAttribute('data-testid', `floor-row-${self.displayNo}`);
  await page.keyboard.press('ArrowUp');
  await expect(selected).toHaveAttribute('data-testid', `floor-row-${self.displayNo}`);

  // S: served at self-service, from the lobby role.
  await page.keyboard.press('s');
  await expect(page.getByTestId('floor-done')).toContainText(`${self.displayNo} 已在自助区办结`);
  await expect(row(self.displayNo)).toHaveCount(0);

  // X: cancel with a reason.
  await row(toCancel.displayNo).click();
  await page.keyboard.press('x');
  const cancel = page.getByTestId('floor-cancel-dialog');
  await cancel.getByTestId('floor-reason').press('Enter');
  await expect(cancel).toContainText('请填写原因');
  await cancel.getByTestId('floor-reason').fill('客户已离开');
  await cancel.getByTestId('floor-reason').press('Enter');
  await expect(row(toCancel.displayNo)).toHaveCount(0);

  // M: move to another queue with a reason, keeping the ticket.
  await row(toMove.displayNo).click();
  await page.keyboard.press('m');
  const move = page.getByTestId('floor-move-dialog');
  await move.getByTestId('move-to-vip').click();
  await move.getByTestId('floor-reason').fill('贵宾室空闲');
  await move.getByTestId('floor-reason').press('Enter');
  await expect(row(toMove.displayNo)).toContainText('贵宾');

  // Live: a ticket issued elsewhere appears without a reload.
  const later = await walkIn(['bill_payment']);
  await expect(row(later.displayNo)).toBeVisible();

  // Every act is audited, with its reason.
  const manager = await apiAs(baseURL as string, 'manager1');
  const actions = async (action: string) =>
    ((await (await manager.get(`/api/audit?action=${action}`)).json()) as AuditPage).rows;
  expect((await actions('ticket.self_served')).some((r) => r.targetId === self.id)).toBe(true);
  expect(
    (await actions('ticket.cancel')).some((r) => r.targetId === toCancel.id && r.reason === '客户已离开'),
  ).toBe(true);
  expect(
    (await actions('ticket.move')).some((r) => r.targetId === toMove.id && r.reason === '贵宾室空闲'),
  ).toBe(true);
  // Leave the branch as found.
  for (const t of [toMove, later]) {
    await lobbyApi.post(`/api/floor/tickets/${t.id}/cancel`, { data: { reason: 'e2e：测试结束' } });
  }
});
