import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startPair, status, stopPair, synced, until, type Node } from './harness';
import type { LinkProxy } from './proxy';

/**
 * Step 10, item 13: a walk-in identified at a counter terminal while the hub is out of reach. The `identify`
 * event waits in the terminal's outbox and, once the link is back, the hub's ticket is the customer's too, the
 * customer's visit is touched there and the event goes to the hub's head-office journal.
 */
let hub: Node;
let term: Node;
let link: LinkProxy;

// 10:00 of today's branch day (Asia/Shanghai), running on with the real clock: a run near Beijing midnight
// never crosses the day between the issue and the identification.
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
const dayStart = Math.floor((Date.now() + SHANGHAI) / (24 * HOUR)) * 24 * HOUR - SHANGHAI;
const offset = dayStart + 10 * HOUR - Date.now();
const now = () => Date.now() + offset;

beforeAll(async () => {
  ({ hub, link, term } = await startPair({ now }));
}, 60_000);

afterAll(() => stopPair({ hub, link, term }));

describe('identifying a walk-in at a terminal', () => {
  it('replicates to the hub after an outage', async () => {
    const lobby = await hub.login('lobby1');
    const issued = await hub.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      lobby,
    );
    expect(issued.status).toBe(201);
    const ticketId = issued.body.ticket.id;
    await until(() => term.ctx.queue.tickets.get(ticketId)?.status === 'waiting', 'ticket at the terminal');

    const teller = await term.login('teller1');
    const found = await term.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${SHOWCASE.potential.customerNo}`,
      undefined,
      teller,
    );
    const who = found.body.customers[0]?.id as string;
    expect(who).toBeTruthy();
    expect(
      (await term.call('POST', `/api/tickets/${ticketId}/events`, { type: 'call' }, teller)).status,
    ).toBe(200);
    expect(
      (await term.call('POST', `/api/tickets/${ticketId}/events`, { type: 'start' }, teller)).status,
    ).toBe(200);
    await synced(term);

    link.cut();
    const r = await term.call<{ customerId: string }>(
      'POST',
      `/api/tickets/${ticketId}/identify`,
      { customerId: who },
      teller,
    );
    expect(r.status).toBe(200);
    expect(r.body.customerId).toBe(who);
    await until(() => !status(term).online, 'terminal offline');
    expect(hub.ctx.queue.tickets.get(ticketId)?.customerId).toBeNull();

    link.heal();
    await synced(term);
    await until(() => hub.ctx.queue.tickets.get(ticketId)?.customerId === who, 'the hub’s ticket identified');
    const hubLog = hub.ctx.queue.tickets.events(ticketId);
    expect(hubLog.map((e) => e.type)).toEqual(['issue', 'call', 'start', 'identify']);
    const row = hub.ctx.store.sqlite
      .prepare('SELECT customer_id AS c FROM tickets WHERE id = ?')
      .get(ticketId) as { c: string | null };
    expect(row.c).toBe(who);
    // The hub's live board and the customer's history follow.
    expect(hub.ctx.queue.snapshot(hub.ctx.now()).counters.some((c) => c.current?.id === ticketId)).toBe(true);
    const visit = hub.ctx.store.sqlite
      .prepare('SELECT last_visit_at AS at FROM customers WHERE id = ?')
      .get(who) as { at: number | null };
    expect(visit.at).not.toBeNull();
    const journal = hub.ctx.store.sqlite
      .prepare(`SELECT payload FROM ho_journal WHERE source = 'ticket_events'`)
      .all() as { payload: string }[];
    expect(
      journal.some((j) => {
        const p = JSON.parse(j.payload) as { type?: string; ticketId?: string };
        return p.type === 'identify' && p.ticketId === ticketId;
      }),
    ).toBe(true);
    // And the terminal's audit row for it reaches the hub.
    term.ctx.audit.flush();
    term.ctx.sync.kick();
    await until(
      () =>
        !!hub.ctx.store.sqlite
          .prepare(`SELECT id FROM audit_log WHERE action = 'ticket.identify' AND target_id = ?`)
          .get(ticketId),
      'the audit row at the hub',
    );
  }, 60_000);
});
