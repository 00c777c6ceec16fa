import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiBooking,
  AppointmentView,
  CashPlan,
  CheckInOutcome,
  DayView,
  NotificationView,
} from '@shared/api/appointments';
import type { TicketView } from '@shared/api/queue';
import type { NotificationSender, OutgoingMessage } from '../../electron/app/appointments/notifier';
import { startTestServer, type TestServer } from './harness';

/*
 * Appointments end to end over HTTP with a controllable clock: booked the afternoon before at the desk, reminded
 * that evening from the outbox, checked in the next morning and called at the booked time ahead of a walk-in who
 * came earlier; a late customer offered a walk-in with the reason; a bank app booking idempotent by its id.
 */

// Shanghai wall clock → epoch ms (UTC+8, no DST).
const sh = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00+08:00`);
let clock = sh('2026-12-03', '15:00');
const sent: { message: OutgoingMessage; recipient: string | null }[] = [];
const sender: NotificationSender = {
  name: 'test',
  send: (message) => {
    sent.push({ message, recipient: message.recipient() });
    return Promise.resolve();
  },
};

let s: TestServer;
let lobby: string;
let teller: string;
let manager: string;
let admin: string;
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, lobby));
  return r.customers[0]?.id as string;
}
function book(customer: string, service: string, slotAt: number, extra: Record<string, unknown> = {}) {
  return s.post(
    '/api/appointments/book',
    { customerId: customer, service, slotAt, channel: 'desk', ...extra },
    lobby,
  );
}
async function apiCall(method: string, path: string, key: string | null, body?: unknown): Promise<Response> {
  return fetch(s.url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'x-api-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Moves the clock; sessions idle past their limit lock, so those who act next sign in again. */
async function at(t: number, ...who: ('lobby' | 'teller' | 'manager' | 'admin')[]): Promise<void> {
  clock = t;
  for (const w of who) {
    if (w === 'lobby') lobby = await s.login('lobby1');
    if (w === 'teller') teller = await s.login('teller1');
    if (w === 'manager') manager = await s.login('manager1');
    if (w === 'admin') admin = await s.login('admin');
  }
}

beforeAll(async () => {
  s = await startTestServer({ now: () => clock, notificationSender: sender });
  await at(clock, 'lobby', 'teller', 'manager', 'admin');
});
afterAll(async () => {
  await s.stop();
});

const SLOT = sh('2026-12-04', '10:30');
let booked: AppointmentView;
let lateOne: AppointmentView;

describe('booking at the desk', () => {
  it('books a slot with a short code and queues the confirmation and the day-before reminder', async () => {
    const res = await book(await customerId('C100000002'), 'account_open', SLOT);
    expect(res.status).toBe(201);
    booked = await json<AppointmentView>(res);
    expect(booked).toMatchObject({
      status: 'booked',
      time: '10:30',
      slotDay: '2026-12-04',
      serviceZh: '开户',
    });
    expect(booked.code).toMatch(/^[2-9A-Z]{6}$/);
    const out = await json<{ notifications: NotificationView[] }>(
      await s.get('/api/appointments/notifications', manager),
    );
    const mine = out.notifications.filter((n) => n.appointmentId === booked.id);
    expect(mine.map((n) => n.kind).sort()).toEqual(['confirmed', 'reminder']);
    const reminder = mine.find((n) => n.kind === 'reminder') as NotificationView;
    expect(reminder.dueAt).toBe(sh('2026-12-03', '18:00'));
    expect(reminder.recipientMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(JSON.stringify(mine)).not.toContain('13867251904');
  });
  it('refuses a full slot and a customer over the daily cap, with the reason in both languages', async () => {
    lateOne = await json<AppointmentView>(await book(await customerId('C100000004'), 'account_open', SLOT));
    const full = await book(await customerId('C100000005'), 'account_open', SLOT);
    expect(full.status).toBe(409);
    expect((await json<{ error: { code: string; zh: string; en: string } }>(full)).error).toMatchObject({
      code: 'slot_full',
      zh: expect.stringContaining('约满') as unknown as string,
    });
    const c2 = await customerId('C100000002');
    expect((await book(c2, 'wealth', sh('2026-12-04', '14:00'))).status).toBe(201);
    const third = await book(c2, 'wealth', sh('2026-12-04', '15:00'));
    expect((await json<{ error: { code: string } }>(third)).error.code).toBe('customer_cap');
  });
  it('puts a 大额取现 booking with its amount on the cash-planning list of that day', async () => {
    const c = await customerId('C100000005');
    expect((await book(c, 'large_cash', sh('2026-12-04', '09:30'))).status).toBe(409); // no amount
    expect((await book(c, 'large_cash', sh('2026-12-04', '09:30'), { amountFen: 8_000_000 })).status).toBe(
      201,
    );
    const plan = await json<CashPlan>(await s.get('/api/appointments/cash-plan', teller)); // tomorrow by default
    expect(plan).toMatchObject({ day: '2026-12-04', totalFen: 8_000_000 });
    expect(plan.items[0]).toMatchObject({ time: '09:30', amountFen: 8_000_000, customerName: '李建国' });
  });
});

describe('the bank-app API', () => {
  let key: string;
  it('books with a branch API key, idempotent by the external id, and cancels by the same id', async () => {
    const created = await s.post('/api/appointments/api-keys', { name: '手机银行' }, admin);
    expect(created.status).toBe(201);
    key = (await json<{ key: string }>(created)).key;
    const body = {
      externalId: 'app-778',
      customer: { phone: '13805718863' },
      service: 'wealth',
      slotAt: sh('2026-12-04', '11:00'),
    };
    expect((await apiCall('POST', '/api/appointments', null, body)).status).toBe(401);
    expect((await apiCall('POST', '/api/appointments', 'not-a-key', body)).status).toBe(401);
    const first = await apiCall('POST', '/api/appointments', key, body);
    expect(first.status).toBe(201);
    const a = await json<ApiBooking>(first);
    const again = await apiCall('POST', '/api/appointments', key, body);
    expect(again.status).toBe(200);
    expect(await json<ApiBooking>(again)).toEqual({ created: false, appointment: a.appointment });
    const day = await json<DayView>(await s.get('/api/appointments/day?day=2026-12-04', manager));
    expect(day.appointments.filter((x) => x.externalId === 'app-778')).toHaveLength(1);

    const cancel = await apiCall('DELETE', '/api/appointments/external/app-778', key);
    expect(cancel.status).toBe(200);
    expect((await json<ApiBooking>(cancel)).appointment.status).toBe('cancelled');
    const twice = await apiCall('DELETE', '/api/appointments/external/app-778', key);
    expect((await json<ApiBooking>(twice)).appointment.status).toBe('cancelled');
    expect((await apiCall('DELETE', '/api/appointments/external/nope', key)).status).toBe(404);
    const out = await json<{ notifications: NotificationView[] }>(
      await s.get('/api/appointments/notifications', manager),
    );
    const kinds = out.notifications.filter((n) => n.appointmentId === a.appointment.id);
    expect(kinds.find((n) => n.kind === 'cancelled')?.status).toBe('pending');
    expect(kinds.find((n) => n.kind === 'reminder')?.status).toBe('dropped');
  });
  it('validates the body with a bilingual 400 and keeps staff routes closed to the key', async () => {
    const bad = await apiCall('POST', '/api/appointments', key, {
      externalId: 'x',
      customer: {},
      service: 'wealth',
    });
    expect(bad.status).toBe(400);
    expect((await apiCall('GET', '/api/appointments/day', key)).status).toBe(401);
  });
});

describe('the next morning', () => {
  it('sends the reminder in the evening through the sender, never blocking the queue', async () => {
    await at(sh('2026-12-03', '18:01'));
    sent.length = 0;
    expect(await s.ctx.notifier.tick()).toBeGreaterThan(0);
    const reminder = sent.find((x) => x.message.kind === 'reminder' && x.message.zh.includes(booked.code));
    expect(reminder?.message.zh).toContain('明天（2026-12-04）10:30 开户');
    expect(reminder?.message.recipientMasked).toBe('138****1904');
    // The full number only reaches the sender, at send time.
    expect(reminder?.recipient).toBe('13867251904');
  });

  it('checks in early within the window, and the Y ticket is called at its booked time ahead of an earlier walk-in', async () => {
    await at(sh('2026-12-04', '10:02'), 'lobby');
    const issued = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
    if (issued.status !== 201) throw new Error(await issued.text());
    const walk = await json<{ ticket: TicketView }>(issued);
    expect(walk.ticket.queue).toBe('individual');
    await at(sh('2026-12-04', '10:04'), 'lobby');
    const walk2 = await json<{ ticket: TicketView }>(
      await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby),
    );
    await at(sh('2026-12-04', '10:05'), 'lobby', 'teller');
    const today = await json<{ appointments: AppointmentView[] }>(
      await s.get(`/api/appointments/customer/${booked.customerId as string}`, lobby),
    );
    expect(today.appointments.map((a) => `${a.time} ${a.serviceZh}`)).toContain('10:30 开户');
    const byCode = await json<AppointmentView>(
      await s.get(`/api/appointments/code/${booked.code.toLowerCase()}`, lobby),
    );
    expect(byCode.id).toBe(booked.id);
    const r = await s.post(`/api/appointments/${booked.id}/check-in`, {}, lobby);
    expect(r.status).toBe(201);
    const out = await json<CheckInOutcome>(r);
    if (out.kind !== 'lane') throw new Error(`expected a lane ticket, got ${out.kind}`);
    const y = out.issued.ticket;
    expect(y.displayNo).toMatch(/^Y\d{3}$/);
    expect(y.appointment).toMatchObject({
      bookedAt: SLOT,
      serveQueue: 'individual',
      service: 'account_open',
    });
    expect(y.waitMinutes).toBeGreaterThanOrEqual(25);
    expect((await s.post(`/api/appointments/${booked.id}/check-in`, {}, lobby)).status).toBe(409);
    // The board's appointment lane says its tickets' wait (no counter calls from it by name, yet it is served).
    const board = await json<{ queues: { key: string; waiting: number; waitMinutes: number | null }[] }>(
      await s.get('/api/queues', lobby),
    );
    expect(board.queues.find((q) => q.key === 'appointment')).toMatchObject({
      waiting: 1,
      waitMinutes: y.waitMinutes,
    });

    const counters = await json<{ counters: { id: string; name: string }[] }>(
      await s.get('/api/counters', lobby),
    );
    const id = (name: string) => counters.counters.find((c) => c.name === name)?.id as string;
    // Before the booked time a walk-in goes first (counter 2) …
    await at(sh('2026-12-04', '10:20'));
    const teller2 = await s.login('teller2');
    const early = await json<{ ticket: TicketView | null }>(
      await s.post(`/api/counters/${id('2号窗口')}/call-next`, {}, teller2),
    );
    expect(early.ticket?.id).toBe(walk.ticket.id);
    // … and at 10:30 the appointment is called ahead of a walk-in who arrived before its check-in.
    expect(walk2.ticket.arrivedAt).toBeLessThan(y.arrivedAt);
    await at(SLOT, 'teller');
    const call = await json<{ ticket: TicketView | null }>(
      await s.post(`/api/counters/${id('1号窗口')}/call-next`, {}, teller),
    );
    expect(call.ticket?.id).toBe(y.id);
    // The walk-in who came earlier is next once the counter is free again.
    await s.post(`/api/tickets/${y.id}/events`, { type: 'start', payload: {} }, teller);
    await s.post(`/api/tickets/${y.id}/events`, { type: 'finish', payload: {} }, teller);
    const next = await json<{ ticket: TicketView | null }>(
      await s.post(`/api/counters/${id('1号窗口')}/call-next`, {}, teller),
    );
    expect(next.ticket?.id).toBe(walk2.ticket.id);
  });

  it('offers a late customer a walk-in ticket with the reason said, and records the no-show of one who never came', async () => {
    await at(sh('2026-12-04', '10:52'), 'lobby');
    const offer = await json<CheckInOutcome>(
      await s.post(`/api/appointments/${lateOne.id}/check-in`, {}, lobby),
    );
    expect(offer.kind).toBe('offer_walk_in');
    if (offer.kind !== 'offer_walk_in') return;
    expect(offer.window).toBe('late');
    expect(offer.reason.zh).toBe('预约 10:30，已迟到 22 分钟（超过 15 分钟），改按普通号办理');
    const took = await json<CheckInOutcome>(
      await s.post(`/api/appointments/${lateOne.id}/check-in`, { acceptWalkIn: true }, lobby),
    );
    if (took.kind !== 'walk_in') throw new Error(`expected a walk-in, got ${took.kind}`);
    expect(took.issued.ticket.displayNo).toMatch(/^A\d{3}$/);
    expect(took.issued.ticket.appointment?.notice?.zh).toContain('已迟到 22 分钟');

    await at(sh('2026-12-04', '16:00'), 'manager');
    const day = await json<DayView>(await s.get('/api/appointments/day?day=2026-12-04', manager));
    const slot = day.slots.find((x) => x.time === '10:30' && x.service === 'account_open');
    expect(slot).toMatchObject({ booked: 2, checkedIn: 2, noShows: 0, capacity: 2 });
    expect(day.figures).toMatchObject({ checkIns: 1, walkIns: 1, cancellations: 1, calledAfterSlot: 1 });
    // The 大额取现 booking at 09:30 and the 14:00 wealth booking were never checked in.
    expect(day.figures.noShows).toBe(2);
  });
});
