import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '@shared/api/queue';
import type { CustomerActivity } from '@shared/api/visit';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { journalEnvelope } from '../../electron/sync/headoffice/envelopes';
import type { HoJournalRow } from '../../electron/db/repos/headoffice-sync';
import { startTestServer, type TestServer } from './harness';

/*
 * Step 10, item 13: an anonymous walk-in is identified at the counter during the visit (e.g. after opening an
 * account). The ticket gets the customer through an `identify` event (journalled, replicated, head office), the
 * visit and the outcomes recorded afterwards are the customer's; anything else is refused (409) and audited.
 */

// 10:00 in Shanghai on a fixed day: nothing here depends on the hour the suite runs at.
const clock = Date.UTC(2026, 2, 3, 2, 0, 0);
let s: TestServer;
let teller1: string;
let teller2: string;
let lobby: string;
let manager: string;
let counter1: string;
let counter2: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
type Refused = { error: { code: string; zh: string; en: string } };

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(
    await s.get(`/api/customers/lookup?q=${no}`, teller1),
  );
  return r.customers[0]?.id as string;
}
async function counterOf(token: string): Promise<string> {
  return (await json<{ me: { counterId: string } }>(await s.get('/api/session', token))).me.counterId;
}
async function anonymousTicket(): Promise<TicketView> {
  const res = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
  expect(res.status).toBe(201);
  return (await json<{ ticket: TicketView }>(res)).ticket;
}
const act = (id: string, type: string, token: string) => s.post(`/api/tickets/${id}/events`, { type }, token);
const identify = (id: string, body: Record<string, unknown>, token: string) =>
  s.post(`/api/tickets/${id}/identify`, body, token);
async function audit(
  action: string,
): Promise<{ targetId: string | null; detail: Record<string, unknown> }[]> {
  const res = await s.get(`/api/audit?action=${action}&limit=500`, manager);
  expect(res.status).toBe(200);
  return (await json<{ rows: { targetId: string | null; detail: Record<string, unknown> }[] }>(res)).rows;
}

beforeAll(async () => {
  s = await startTestServer({ customers: 10, now: () => clock });
  teller1 = await s.login('teller1');
  teller2 = await s.login('teller2');
  lobby = await s.login('lobby1');
  manager = await s.login('manager1');
  counter1 = await counterOf(teller1);
  counter2 = await counterOf(teller2);
});
afterAll(async () => {
  await s.stop();
});

describe('identifying a walk-in at the counter', () => {
  it('attaches the customer to the visit being served here; its outcomes and visit are theirs', async () => {
    const ticket = await anonymousTicket();
    const who = await customerId(SHOWCASE.potential.customerNo);
    expect((await act(ticket.id, 'call', teller1)).status).toBe(200);
    expect((await act(ticket.id, 'start', teller1)).status).toBe(200);

    // Before it is identified, the anonymous visit takes nobody's outcome.
    const early = await s.post(
      '/api/outcomes',
      { customerId: who, ticketId: ticket.id, productCode: 'DEP-TIME-1Y', outcome: 'interested' },
      teller1,
    );
    expect(early.status).toBe(409);
    expect((await json<Refused>(early)).error.code).toBe('outcome_not_identified');

    const res = await identify(ticket.id, { customerId: who }, teller1);
    expect(res.status).toBe(200);
    const view = await json<TicketView>(res);
    expect(view.customerId).toBe(who);
    expect(view.status).toBe('serving');
    expect(view.counterId).toBe(counter1);
    // The counter's reload sees the same.
    expect((await json<TicketView>(await s.get(`/api/tickets/${ticket.id}`, teller1))).customerId).toBe(who);

    // It is a ticket event like the others: in the log, and in the head-office journal as a ticket event.
    const log = await json<{ events: { type: string; payload: { customerId?: string } }[] }>(
      await s.get(`/api/tickets/${ticket.id}/events`, teller1),
    );
    expect(log.events.map((e) => e.type)).toEqual(['issue', 'call', 'start', 'identify']);
    expect(log.events[3]?.payload.customerId).toBe(who);
    const rows = s.ctx.store.sqlite
      .prepare(`SELECT * FROM ho_journal WHERE source = 'ticket_events' ORDER BY seq`)
      .all() as HoJournalRow[];
    const envs = rows.map((r) => journalEnvelope(r, { branchCode: 'B001', deviceId: 'hub' }));
    const sent = envs.find((e) => e.payload.type === 'identify' && e.entityId === ticket.id);
    expect(sent?.kind).toBe('ticket_event');
    expect(JSON.stringify(sent?.payload)).toContain(who);

    // An outcome recorded afterwards with the ticket belongs to the customer, and the visit is in their history.
    const outcome = await s.post(
      '/api/outcomes',
      { customerId: who, ticketId: ticket.id, productCode: 'DEP-TIME-1Y', outcome: 'interested' },
      teller1,
    );
    expect(outcome.status).toBe(201);
    // Never another customer's.
    const stray = await s.post(
      '/api/outcomes',
      {
        customerId: await customerId(SHOWCASE.elderly.customerNo),
        ticketId: ticket.id,
        productCode: 'DEP-TIME-1Y',
        outcome: 'interested',
      },
      teller1,
    );
    expect(stray.status).toBe(409);
    expect((await json<Refused>(stray)).error.code).toBe('outcome_other_customer');
    expect((await act(ticket.id, 'finish', teller1)).status).toBe(200);
    const activity = await json<CustomerActivity>(await s.get(`/api/customers/${who}/activity`, teller1));
    expect(activity.visits.map((v) => v.ticketId)).toContain(ticket.id);
    expect(activity.outcomes.find((o) => o.ticketId === ticket.id)?.productCode).toBe('DEP-TIME-1Y');
    const lastVisit = s.ctx.store.sqlite
      .prepare('SELECT last_visit_at AS at FROM customers WHERE id = ?')
      .get(who) as { at: number };
    expect(lastVisit.at).toBe(clock);

    const done = await audit('ticket.identify');
    expect(done.find((r) => r.targetId === ticket.id)?.detail).toMatchObject({
      customerId: who,
      counterId: counter1,
      displayNo: ticket.displayNo,
    });
  });

  it('refuses (409, zh and en, audited) a ticket not at this counter or already identified', async () => {
    const ticket = await anonymousTicket();
    const who = await customerId(SHOWCASE.private.customerNo);
    const other = await customerId(SHOWCASE.elderly.customerNo);
    const expectRefused = async (res: Response, code: string) => {
      expect(res.status).toBe(409);
      const body = await json<Refused>(res);
      expect(body.error.code).toBe(code);
      expect(body.error.zh).toContain(ticket.displayNo);
      expect(body.error.en).toContain(ticket.displayNo);
    };
    // Still waiting: nobody serves it yet.
    await expectRefused(await identify(ticket.id, { customerId: who }, teller1), 'not_at_this_counter');
    expect((await act(ticket.id, 'call', teller1)).status).toBe(200);
    // Called at counter 1: counter 2 does not serve it.
    await expectRefused(await identify(ticket.id, { customerId: who }, teller2), 'not_at_this_counter');
    expect(counter2).not.toBe(counter1);
    // A customer that does not exist, a bad body.
    expect((await identify(ticket.id, { customerId: 'nobody' }, teller1)).status).toBe(404);
    expect((await identify(ticket.id, {}, teller1)).status).toBe(400);
    // The generic event route does not take an identification (no customer check there).
    const generic = await s.post(
      `/api/tickets/${ticket.id}/events`,
      { type: 'identify', payload: { customerId: who } },
      teller1,
    );
    expect(generic.status).toBe(400);

    expect((await identify(ticket.id, { customerId: who }, teller1)).status).toBe(200);
    await expectRefused(await identify(ticket.id, { customerId: other }, teller1), 'already_identified');
    await expectRefused(await identify(ticket.id, { customerId: who }, teller1), 'already_identified');
    expect((await json<TicketView>(await s.get(`/api/tickets/${ticket.id}`, teller1))).customerId).toBe(who);

    // Finished: the visit is over.
    expect((await act(ticket.id, 'start', teller1)).status).toBe(200);
    expect((await act(ticket.id, 'finish', teller1)).status).toBe(200);
    const late = await anonymousTicket();
    expect((await act(late.id, 'call', teller1)).status).toBe(200);
    expect((await act(late.id, 'start', teller1)).status).toBe(200);
    expect((await act(late.id, 'finish', teller1)).status).toBe(200);
    const after = await identify(late.id, { customerId: who }, teller1);
    expect(after.status).toBe(409);
    expect((await json<Refused>(after)).error.code).toBe('not_at_this_counter');

    const refused = (await audit('ticket.identify_refused')).filter((r) => r.targetId === ticket.id);
    expect(refused.map((r) => r.detail.code).sort()).toEqual([
      'already_identified',
      'already_identified',
      'not_at_this_counter',
      'not_at_this_counter',
    ]);
    expect(refused.find((r) => r.detail.code === 'already_identified')?.detail.ticketCustomerId).toBe(who);
  });
});
