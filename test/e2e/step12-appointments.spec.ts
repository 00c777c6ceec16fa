import { expect, test, type Page } from './fixtures';
import type { AppointmentConfig } from '../../shared/appointments/config';
import { apiAs, releaseCustomer } from './floor-helpers';
import { CounterPage, DisplayPage } from './pages';
import { SIZES, staffAt } from './step10';
import { anyHour, bookNow, callTicket, readyCounter, shot12, writeAppointments } from './step12';

/*
 * Step 12 as its users live it: the desk books a customer (found as in the lobby) into a slot and hands over the slip
 * with the code and its QR; the lobby checks the customer in by that code and gets a Y ticket; the counter sees it is
 * a booking before it calls, and the lobby TV shows it called; a customer past the late window is told why and offered
 * a walk-in ticket, never a bare "expired". The spec writes its own appointment settings (open at every hour) and books
 * the slot under way, so it runs the same at any hour of the branch's day.
 */

test.describe.configure({ mode: 'serial' });

const SERVICE = 'account_open';
const TELLER = 'teller2';
let before: AppointmentConfig | null = null;

test.beforeAll(async ({ baseURL }) => {
  before = await writeAppointments(baseURL as string, (c) => anyHour(c, 240), 'e2e 预约：全天可约');
});
test.afterAll(async ({ baseURL }) => {
  const was = before;
  if (was) await writeAppointments(baseURL as string, () => was, 'e2e 预约：恢复设置');
});

/** At the desk (预约 screen): finds the customer, picks the service and the slot under way; answers its time. */
async function fillBooking(page: Page, customerNo: string): Promise<string> {
  await page.goto('/appointments');
  await expect(page.getByTestId('booking-form')).toBeVisible();
  const search = page.getByTestId('booking-lookup').locator('input');
  await search.fill(customerNo);
  await search.press('Enter');
  await expect(page.getByTestId('customer-card')).toBeVisible();
  await page.getByTestId('booking-service').locator(`label:has(input[value="${SERVICE}"])`).click();
  const slot = page.getByTestId('booking-slots').locator('button:not([disabled])').first();
  await expect(slot).toBeVisible();
  const time = ((await slot.getAttribute('data-testid')) ?? '').replace('slot-', '');
  expect(time).toMatch(/^\d{2}:\d{2}$/);
  await slot.click();
  await expect(page.getByTestId('booking-submit')).toBeEnabled();
  return time;
}

/** Books and answers the slip's code (a QR of it beside). */
async function submitBooking(page: Page): Promise<string> {
  await page.getByTestId('booking-submit').click();
  const done = page.getByTestId('booking-done');
  await expect(done).toBeVisible();
  const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[2-9A-Z]{6}$/);
  await expect(done.locator(`img[alt="${code}"]`)).toBeVisible();
  return code;
}

/** At the lobby: the booking found by its code, then 签到取号. */
async function findByCode(page: Page, code: string): Promise<void> {
  await page.goto('/lobby');
  await expect(page.getByTestId('lobby')).toBeVisible();
  const input = page.getByTestId('appointment-code').locator('input');
  await input.fill(code);
  await input.press('Enter');
  await expect(page.getByTestId('appointment-line')).toBeVisible();
}

test('desk booking → slip with code and QR → lobby check-in by code → Y ticket → called and on the TV', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const desk = await staffAt(browser, 'lobby1', SIZES['768p']);
  const time = await fillBooking(desk.page, 'C100000031');
  const code = await submitBooking(desk.page);
  await expect(desk.page.getByTestId('booking-done')).toContainText(`${time} · 开户`);

  // A walk-in for the same service arrives before the booked customer checks in.
  const lobbyApi = await apiAs(baseURL as string, 'lobby1');
  const walkIn = await lobbyApi.post('/api/tickets', { data: { customerId: null, intents: [SERVICE] } });
  expect(walkIn.status()).toBe(201);
  const w = ((await walkIn.json()) as { ticket: { id: string; displayNo: string } }).ticket;
  const walkInNo = w.displayNo;

  await findByCode(desk.page, code);
  await expect(desk.page.getByTestId('appointment-line')).toHaveText(`预约 ${time} 开户`);
  const reply = desk.page.waitForResponse((r) => r.url().includes('/check-in'));
  await desk.page.getByTestId('appointment-checkin-button').click();
  const ticketId = ((await (await reply).json()) as { issued: { ticket: { id: string } } }).issued.ticket.id;
  const number = desk.page.getByTestId('issued-number');
  await expect(number).toHaveText(/^Y\d{3}$/);
  const yNo = ((await number.textContent()) ?? '').trim();
  await expect(desk.page.getByTestId('appointment-note')).toHaveText(`预约 ${time} 开户`);
  // The paper ticket: the Y number and the booking on it.
  await desk.page.goto(`/ticket/${ticketId}/print?noprint=1`);
  await expect(desk.page.getByTestId('ticket-number')).toHaveText(yNo);
  await expect(desk.page.getByTestId('ticket-appt')).toHaveText(`预约 ${time} 开户`);
  await desk.context.close();

  await readyCounter(baseURL as string, TELLER);
  const tv = await browser.newContext({ viewport: SIZES['1080p'] });
  const display = new DisplayPage(await tv.newPage());
  await display.open();
  const teller = await staffAt(browser, TELLER, SIZES['768p']);
  const counter = new CounterPage(teller.page);
  await counter.open();
  await counter.clear();
  // Before it calls, the counter sees the booked customer waiting for it: 预约, the number, time and service.
  const waiting = teller.page.getByTestId('appointment-lane-item').filter({ hasText: yNo });
  await expect(waiting).toContainText(`预约${yNo}${time} 开户`);
  // Called at its booked time ahead of the walk-in who came earlier (tickets other specs left long ago may still
  // go first: the walk-in guard keeps them from starving).
  const calledBefore: string[] = [];
  await counter.callUntil(yNo, async (no) => {
    if (no !== yNo) calledBefore.push(no);
  });
  expect(calledBefore).not.toContain(walkInNo);
  // The walk-in was only a witness: cancelled so it does not wait in front of later specs.
  const cancel = await lobbyApi.post(`/api/floor/tickets/${w.id}/cancel`, {
    data: { reason: 'e2e：见证用的普通号 / witness walk-in' },
  });
  expect(cancel.status()).toBe(200);
  await lobbyApi.dispose();
  await expect(teller.page.getByTestId('current-ticket').getByTestId('appointment-note')).toHaveText(
    `预约 ${time} 开户`,
  );
  await expect(display.nowCallingNo()).toHaveText(yNo);
  await expect(display.page.getByTestId('now-calling-appt')).toHaveText('预约客户');
  await tv.close();
  await teller.context.close();
  await releaseCustomer(baseURL as string, 'C100000031');
});

test('the booked service is named, not keyed: 大额取现 at the lobby, the counter and on the ticket', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const booking = await bookNow(baseURL as string, 'C100000033', 'large_cash', { amountFen: 5_000_000 });
  const lobby = await staffAt(browser, 'lobby1', SIZES['768p'], 'en');
  await findByCode(lobby.page, booking.code);
  await expect(lobby.page.getByTestId('appointment-line')).toHaveText(
    `Booked ${booking.time} Large cash withdrawal`,
  );
  await lobby.page.getByTestId('appointment-checkin-button').click();
  await expect(lobby.page.getByTestId('appointment-note')).toHaveText(
    `Booked ${booking.time} Large cash withdrawal`,
  );
  const yNo = ((await lobby.page.getByTestId('issued-number').textContent()) ?? '').trim();
  await lobby.context.close();
  await readyCounter(baseURL as string, TELLER);
  const teller = await staffAt(browser, TELLER, SIZES['768p']);
  await new CounterPage(teller.page).open();
  const item = teller.page.getByTestId('appointment-lane-item').filter({ hasText: yNo });
  await expect(item).toContainText(`${booking.time} 大额取现`);
  await expect(teller.page.getByTestId('counter')).not.toContainText('large_cash');
  await teller.context.close();
  // Its Y ticket is due: left waiting, it would go before the walk-ins of the specs that follow.
  await releaseCustomer(baseURL as string, 'C100000033');
});

test('a customer past the late window is told why and offered a walk-in ticket, never a bare "expired"', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const booking = await bookNow(baseURL as string, 'C100000032', SERVICE);
  // Late from the booked time on: the slot under way has begun, so this customer is now late.
  await writeAppointments(baseURL as string, (c) => anyHour(c, 0), 'e2e 预约：迟到即改普通号');
  try {
    const lobby = await staffAt(browser, 'lobby1', SIZES['768p']);
    await findByCode(lobby.page, booking.code);
    await lobby.page.getByTestId('appointment-checkin-button').click();
    const offer = lobby.page.getByTestId('appointment-offer');
    await expect(offer).toBeVisible();
    await expect(offer).toContainText(`预约 ${booking.time}`);
    await expect(offer).toContainText(/迟到|爽约/);
    await expect(offer).toContainText('普通号');
    await expect(offer).not.toContainText(/过期|expired/i);
    await shot12(lobby.page, 'late-offer-768p');
    await lobby.page.getByTestId('appointment-take-walk-in').click();
    await expect(lobby.page.getByTestId('issued-number')).toHaveText(/^[A-Z]\d{3}$/);
    await expect(lobby.page.getByTestId('issued-number')).not.toHaveText(/^Y/);
    await expect(lobby.page.getByTestId('appointment-notice')).toContainText(/迟到|爽约/);
    await lobby.context.close();
    await releaseCustomer(baseURL as string, 'C100000032');
  } finally {
    await writeAppointments(baseURL as string, (c) => anyHour(c, 240), 'e2e 预约：全天可约');
  }
});

const SHOTS = [
  { name: '1080p', viewport: SIZES['1080p'], lang: 'zh-CN' as const, customer: 'C100000041' },
  { name: '768p', viewport: SIZES['768p'], lang: 'zh-CN' as const, customer: 'C100000042' },
  { name: 'tablet', viewport: SIZES.tablet, lang: 'zh-CN' as const, customer: 'C100000043' },
  { name: 'en', viewport: SIZES['768p'], lang: 'en' as const, customer: 'C100000045' },
];

for (const s of SHOTS) {
  test(`booking, slip, check-in and display at ${s.name}`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const desk = await staffAt(browser, 'lobby1', s.viewport, s.lang);
    await fillBooking(desk.page, s.customer);
    await shot12(desk.page, `booking-${s.name}`);
    const code = await submitBooking(desk.page);
    await shot12(desk.page, `slip-${s.name}`);
    await findByCode(desk.page, code);
    await shot12(desk.page, `checkin-found-${s.name}`);
    const reply = desk.page.waitForResponse((r) => r.url().includes('/check-in'));
    await desk.page.getByTestId('appointment-checkin-button').click();
    const { issued } = (await (await reply).json()) as {
      issued: { ticket: { id: string; displayNo: string } };
    };
    await expect(desk.page.getByTestId('issued-number')).toHaveText(issued.ticket.displayNo);
    await shot12(desk.page, `checkin-${s.name}`);
    await desk.page.goto(`/ticket/${issued.ticket.id}/print?noprint=1`);
    await expect(desk.page.getByTestId('ticket-appt')).toBeVisible();
    await shot12(desk.page, `print-${s.name}`);
    await desk.context.close();

    const counterId = await readyCounter(baseURL as string, TELLER);
    const teller = await staffAt(browser, TELLER, s.viewport, s.lang);
    await new CounterPage(teller.page).open();
    await expect(
      teller.page.getByTestId('appointment-lane-item').filter({ hasText: issued.ticket.displayNo }),
    ).toBeVisible();
    await teller.page.getByTestId('appointment-lane').scrollIntoViewIfNeeded();
    await shot12(teller.page, `counter-lane-${s.name}`);
    const tv = await browser.newContext({ viewport: s.viewport });
    const tvPage = await tv.newPage();
    if (s.lang === 'en') await tvPage.addInitScript(() => localStorage.setItem('lang', 'en'));
    await tvPage.goto('/display');
    await expect(tvPage.getByTestId('queue-board')).toBeVisible();
    await callTicket(baseURL as string, TELLER, counterId, issued.ticket.id);
    await expect(tvPage.getByTestId('now-calling-no')).toHaveText(issued.ticket.displayNo);
    await shot12(tvPage, `display-${s.name}`);
    await tv.close();
    await expect(teller.page.getByTestId('current-number')).toHaveText(issued.ticket.displayNo);
    await shot12(teller.page, `counter-called-${s.name}`);
    await teller.context.close();
    await releaseCustomer(baseURL as string, s.customer);
  });
}
