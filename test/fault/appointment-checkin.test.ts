import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView, CheckInOutcome } from '@shared/api/appointments';
import type { TicketView } from '@shared/api/queue';
import { startHub, startTerminal, status, synced, until, type Node } from './harness';
import { startProxy, type LinkProxy } from './proxy';

/*
 * Bookings reach the counter terminals (the snapshot, then the hub's journal), so a terminal cut from the hub checks
 * a booked customer in by the code; the check-in is journalled as the ticket it issued and reconciles with the hub.
 * A booking checked in at both sides of a cut is kept by the ticket issued first, on both; the hub cancels the other.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
// The injected morning is 09:40 of the branch's day (Asia/Shanghai), whatever the hour the test runs at.
const SHANGHAI = 8 * HOUR;
const dayStart = Math.floor((Date.now() + SHANGHAI) / (24 * HOUR)) * 24 * HOUR - SHANGHAI;
const clock = { t: dayStart + 9 * HOUR + 40 * MIN };
const now = () => clock.t;
const SLOT = dayStart + 10 * HOUR;

let hub: Node;
let term: Node;
let link: LinkProxy;
let hubLobby: string;
const booked: AppointmentView[] = [];

async function customerId(n: Node, token: string, no: string): Promise<string> {
  const r = await n.call<{ customers: { id: string }[] }>(
    'GET',
    `/api/customers/lookup?q=${no}`,
    undefined,
    token,
  );
  return r.body.customers[0]?.id as string;
}

async function book(no: string, service = 'account_open'): Promise<AppointmentView> {
  const r = await hub.call<AppointmentView>(
    'POST',
    '/api/appointments/book',
    {
      customerId: await customerId(hub, hubLobby, no),
      service,
      slotAt: SLOT,
      channel: 'desk',
    },
    hubLobby,
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  booked.push(r.body);
  return r.body;
}

function checkIn(n: Node, token: string, a: AppointmentView) {
  return n.call<CheckInOutcome>('POST', `/api/appointments/${a.id}/check-in`, { acceptWalkIn: false }, token);
}

const rowOf = (n: Node, id: string) =>
  n.ctx.store.sqlite.prepare('SELECT status, ticket_id FROM appointments WHERE id = ?').get(id) as
    { status: string; ticket_id: string | null } | undefined;

const ticketOf = (n: Node, id: string) =>
  n.ctx.store.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as
    { status: string } | undefined;

/** Live tickets (not cancelled) an install holds for a booking. */
const liveFor = (n: Node, appointmentId: string) =>
  n.ctx.queue.board
    .tickets()
    .filter((t) => t.appointment?.id === appointmentId && t.status !== 'cancelled')
    .map((t) => t.id);

beforeAll(async () => {
  hub = await startHub({ now });
  link = await startProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
  hubLobby = await hub.login('lobby1');
  // Open every day of the week: the branch's day may be a Sunday or a holiday in the defaults.
  const manager = await hub.login('manager1');
  const cur = await hub.call<{ config: { appointments: Record<string, unknown> } & Record<string, unknown> }>(
    'GET',
    '/api/settings',
    undefined,
    manager,
  );
  const put = await hub.call(
    'PUT',
    '/api/settings',
    {
      config: {
        ...cur.body.config,
        appointments: { ...cur.body.config.appointments, weekdays: [1, 2, 3, 4, 5, 6, 7], holidays: [] },
      },
      note: '预约：每天营业（测试）',
    },
    manager,
  );
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  await book('C100000011');
  term = await startTerminal(link.url, { now });
  await synced(term);
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await link?.close();
  await hub?.stop();
});

describe('bookings on a counter terminal', () => {
  it('come with the snapshot, and those made later through the hub journal', async () => {
    expect(rowOf(term, booked[0]!.id)?.status).toBe('booked');
    await book('C100000012');
    await book('C100000013', 'wealth');
    await until(
      () => booked.every((a) => rowOf(term, a.id)?.status === 'booked'),
      'bookings on the terminal',
    );
  }, 20_000);

  it('cut from the hub, the terminal checks a booked customer in by code; the hub gets the check-in once', async () => {
    const [a1, a2, a3] = booked as [AppointmentView, AppointmentView, AppointmentView];
    link.cut();
    await until(() => !status(term).online, 'terminal offline');
    const termLobby = await term.login('lobby1');

    // A3 is checked in at the hub first (09:45), then at the terminal (09:46): two tickets for one booking.
    clock.t = dayStart + 9 * HOUR + 45 * MIN;
    const h3 = await checkIn(hub, hubLobby, a3);
    expect(h3.body.kind).toBe('lane');

    clock.t = dayStart + 9 * HOUR + 46 * MIN;
    const found = await term.call<AppointmentView>(
      'GET',
      `/api/appointments/code/${a1.code}`,
      undefined,
      termLobby,
    );
    expect(found.status).toBe(200);
    expect(found.body.id).toBe(a1.id);
    const t1 = await checkIn(term, termLobby, a1);
    const t2 = await checkIn(term, termLobby, a2);
    const t3 = await checkIn(term, termLobby, a3);
    for (const r of [t1, t2, t3]) {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.kind).toBe('lane');
    }
    const no = (r: typeof t1) => (r.body.kind === 'lane' ? r.body.issued.ticket : null) as TicketView;
    // The terminal numbers from its reserved block: never a number the hub prints.
    expect(no(t1).displayNo).toMatch(/^Y3\d\d$/);
    // Checked in once here: a second try is refused.
    expect((await checkIn(term, termLobby, a1)).status).toBe(409);
    // A2 is checked in at the hub later (09:47): the terminal's ticket came first.
    clock.t = dayStart + 9 * HOUR + 47 * MIN;
    const h2 = await checkIn(hub, hubLobby, a2);
    expect(h2.body.kind).toBe('lane');
    expect(status(term).pending).toBeGreaterThan(0);

    link.heal();
    await synced(term);
    const tk = (r: typeof t1) => no(r).id;
    const hubTicket = (r: typeof h2) => (r.body.kind === 'lane' ? r.body.issued.ticket.id : '');
    await until(
      () =>
        rowOf(hub, a1.id)?.ticket_id === tk(t1) &&
        ticketOf(hub, hubTicket(h2))?.status === 'cancelled' &&
        ticketOf(hub, tk(t3))?.status === 'cancelled',
      'the hub reconciled the check-ins',
    );
    term.ctx.sync.kick();
    await until(
      () =>
        ticketOf(term, hubTicket(h2))?.status === 'cancelled' &&
        ticketOf(term, tk(t3))?.status === 'cancelled',
      'the terminal heard the cancels',
    );

    // Both copies agree: A1 and A2 kept by the terminal's tickets, A3 by the hub's (issued first).
    const kept: Record<string, string> = { [a1.id]: tk(t1), [a2.id]: tk(t2), [a3.id]: hubTicket(h3) };
    for (const n of [hub, term]) {
      for (const a of [a1, a2, a3]) {
        expect(rowOf(n, a.id)).toEqual({ status: 'checked_in', ticket_id: kept[a.id] });
        // No double check-in: one live ticket per booking.
        expect(liveFor(n, a.id)).toEqual([kept[a.id]]);
      }
    }
    // The hub journals the terminal's check-in (its issue event) for the head office and the other terminals.
    const journaled = hub.ctx.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND kind = 'ticket_event'")
      .get(tk(t1)) as { n: number };
    expect(journaled.n).toBeGreaterThan(0);
    // The cancelled ticket says why.
    const lost = await hub.call<TicketView>('GET', `/api/tickets/${tk(t3)}`, undefined, hubLobby);
    expect(lost.body.lastReason).toContain(no(h3 as typeof t1)?.displayNo ?? '');
    expect(lost.body.lastReason).toContain('签到');
  }, 40_000);
});
