import { expect, test, type Browser, type BrowserContext, type Page } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { CounterPage, DisplayPage, LobbyPage, LoginPage } from './pages';
import { apiAs, releaseCustomer } from './floor-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test/output/screens/${name}.png`, animations: 'disabled' });

/** A browser context as one member of staff, logged in. */
async function staff(browser: Browser, username: string, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login(username);
  return { context, page };
}

/** Record what the page says and prints instead of using the real engines (headless has no voice or printer). */
async function recordSpeechAndPrint(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { spoken: string[]; printed: number };
    w.spoken = [];
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.spoken.push(u.text);
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
    };
  });
}

// One customer, one live ticket: the showcase customers these tests issue for give up what other specs left them.
test.beforeEach(async ({ baseURL }) => {
  for (const c of [SHOWCASE.private, SHOWCASE.potential])
    await releaseCustomer(baseURL as string, c.customerNo);
});

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
const DIGITS = '零一二三四五六七八九';
const readOut = (no: string) => [...no].map((c) => (/\d/.test(c) ? DIGITS[Number(c)] : c)).join(' ');

test('the lobby manager sends the private-banking customer to the VIP room', async ({
  page,
  context,
  baseURL,
}) => {
  // The VIP room's RM is signed in: an open but empty VIP room is not offered (贵宾室暂无人员).
  await (await apiAs(baseURL as string, 'rm1')).dispose();
  await recordSpeechAndPrint(context);
  await new LoginPage(page).login('lobby1');
  await expect(page).toHaveURL(/\/lobby$/);
  const lobby = new LobbyPage(page);
  await lobby.identify(SHOWCASE.private.idNumber);
  await expect(page.getByTestId('customer-card').getByTestId('tier-badge')).toHaveText('私行客户');
  await lobby.pressIntent('wealth');
  await expect(lobby.suggested()).toHaveText('贵宾室');
  await expect(page.getByTestId('reasons')).toContainText('私行');
  await expect(page.getByTestId('alternatives')).toContainText('柜台');
  await shot(page, 'lobby-decision-private');

  const ticket = await lobby.issue();
  expect(ticket.displayNo).toMatch(/^V\d{3}$/);
  await expect(page.getByTestId('issued-channel')).toContainText('贵宾室');
  await expect(page.getByTestId('issued-ahead')).toHaveText(/^\d+ 人$/);
  await shot(page, 'lobby-issued-vip');

  // P opens the ticket print view, which prints itself once.
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('p');
  const print = await popup;
  await expect(print).toHaveURL(new RegExp(`/ticket/${ticket.id}/print$`));
  await expect(print.getByTestId('ticket-number')).toHaveText(ticket.displayNo);
  await expect.poll(() => print.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await print.close();

  // Esc starts over for the next walk-in, with the lookup field ready for the next swipe.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lobby-lookup').locator('input')).toBeFocused();
  await expect(page.getByTestId('lobby-lookup').locator('input')).toHaveValue('');
});

test('a potential customer with a balance query is guided to self-service', async ({ page }) => {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.identify(SHOWCASE.private.phone);
  await lobby.pressIntent('cash');
  // The next customer swipes a card before the lobby manager pressed Esc: the digits must not toggle services
  // and the reader's Enter must not issue a ticket; the screen starts over with the new card.
  const issued: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) issued.push(r.url());
  });
  await lobby.swipe(SHOWCASE.potential.card as string);
  await expect(page.getByTestId('customer-card')).toContainText(SHOWCASE.potential.name);
  await expect(page.getByTestId('intent-cash')).toHaveAttribute('aria-pressed', 'false');
  expect(issued).toEqual([]);

  await lobby.pressIntent('statement');
  await expect(lobby.suggested()).toHaveText('自助区');
  const ticket = await lobby.issue('F2');
  expect(ticket.displayNo).toMatch(/^S\d{3}$/);
  await expect(page.getByTestId('issued-channel')).toContainText('自助区');
});

test('the lobby manager overrides the suggestion with a reason', async ({ page }) => {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.identify(SHOWCASE.potential.customerNo);
  await lobby.pressIntent('statement');
  await expect(lobby.suggested()).toHaveText('自助区');
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('override-counter').click();
  await dialog.getByTestId('override-reason').fill('客户');
  await dialog.getByTestId('override-reason').fill('');
  await dialog.getByRole('button', { name: /改派并取号/ }).click();
  await expect(dialog).toContainText('请填写改派原因');
  await dialog.getByTestId('override-reason').fill('客户不会用自助机，要求柜台办理');
  await shot(page, 'lobby-override');
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/tickets'));
  await dialog.getByTestId('override-reason').press('Enter');
  const sent = (await reply).request().postDataJSON() as { override?: { channel: string; reason: string } };
  expect(sent.override).toEqual({ channel: 'counter', reason: '客户不会用自助机，要求柜台办理' });
  await expect(page.getByTestId('issued-number')).toHaveText(/^A\d{3}$/);
  await expect(page.getByTestId('issued-channel')).toContainText('柜台');
});

test('a teller calls a walk-in, the lobby display shows and speaks it, the teller finishes', async ({
  page,
  browser,
}) => {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.open();
  await lobby.walkIn();
  await lobby.pressIntent('account_open');
  await expect(lobby.suggested()).toHaveText('柜台');
  const ticket = await lobby.issue();
  expect(ticket.displayNo).toMatch(/^A\d{3}$/);

  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await recordSpeechAndPrint(tv);
  const displayPage = await tv.newPage();
  const display = new DisplayPage(displayPage);
  await display.open();

  const teller = await staff(browser, 'teller1');
  await expect(teller.page).toHaveURL(/\/counter$/);
  const counter = new CounterPage(teller.page);
  await expect(teller.page.getByTestId('counter-name')).toHaveText('1号窗口');
  await counter.clear();
  await counter.callUntil(ticket.displayNo, async (no) => {
    // Every call reaches the lobby TV within a second.
    await expect(display.nowCallingNo()).toHaveText(no, { timeout: 1_000 });
  });
  await expect(displayPage.getByTestId('now-calling')).toContainText(`请${ticket.displayNo}号到1号窗口`);
  await expect(displayPage.getByTestId('now-calling-place')).toHaveText('1号窗口');
  await expect(teller.page.getByTestId('counter-customer-panel')).toContainText('散客');
  await shot(teller.page, 'counter-called-walk-in');

  const sentence = `请 ${readOut(ticket.displayNo)} 号 到 1号窗口`;
  await expect.poll(() => spoken(displayPage), { timeout: 10_000 }).toContain(sentence);
  // A recall is spoken again, after the first announcement has ended.
  await teller.page.keyboard.press('F2');
  await expect
    .poll(async () => (await spoken(displayPage)).filter((s) => s === sentence).length, { timeout: 10_000 })
    .toBe(2);
  await shot(displayPage, 'display-calling');

  await counter.start();
  await counter.finish();
  await shot(teller.page, 'counter-idle');
  await tv.close();
  await teller.context.close();
});

test('the VIP room calls the private-banking customer and sees the profile', async ({ page, browser }) => {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.identify(SHOWCASE.private.card as string);
  await lobby.pressIntent('wealth');
  const ticket = await lobby.issue();

  const rm = await staff(browser, 'rm1');
  await rm.page.goto('/vip');
  const counter = new CounterPage(rm.page);
  await expect(rm.page.getByTestId('counter-name')).toHaveText('贵宾室');
  await counter.clear();
  await counter.callUntil(ticket.displayNo);
  const panel = rm.page.getByTestId('counter-customer-panel');
  await expect(panel.getByTestId('customer-card')).toContainText(SHOWCASE.private.name);
  await expect(panel.getByTestId('tier-badge')).toHaveText('私行客户');
  await counter.start();
  await shot(rm.page, 'counter-vip-customer');
  await counter.finish();
  await rm.context.close();
});

test('the ticket print view is an 80 mm slip', async ({ page }) => {
  await new LoginPage(page).login('lobby1');
  const lobby = new LobbyPage(page);
  await lobby.open();
  await lobby.walkIn();
  await lobby.pressIntent('card');
  const ticket = await lobby.issue();
  await page.goto(`/ticket/${ticket.id}/print?noprint=1`);
  const slip = page.getByTestId('ticket-slip');
  await expect(slip.getByTestId('ticket-number')).toHaveText(ticket.displayNo);
  await expect(slip.getByTestId('ticket-branch')).toHaveText('示范支行');
  await expect(slip.getByTestId('ticket-issued-at')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  const width = await slip.evaluate((el) => el.getBoundingClientRect().width);
  expect(Math.round(width)).toBe(302); // 80 mm at 96 dpi
  await shot(page, 'ticket-print');
});
