import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startHub, startTerminal, status, synced, type Node } from './harness';

/**
 * A branch with history: an open complaint and an open follow-up from last week, each carrying its visit. A new
 * counter terminal's first snapshot brings them with their visits, and goes online (it used to stop at the
 * copy's foreign key on every try, and the desk said "downloading" for ever).
 */
let hub: Node;
let term: Node | null = null;

beforeAll(async () => {
  hub = await startHub();
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await hub?.stop();
});

describe("a terminal's first snapshot of a branch with history", () => {
  it('brings last week’s open complaint and follow-up with their visits, and goes online', async () => {
    const teller = await hub.login('teller1');
    const lookup = await hub.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${SHOWCASE.private.customerNo}`,
      undefined,
      teller,
    );
    const customerId = lookup.body.customers[0]?.id as string;
    const issued = await hub.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      { customerId, intents: ['wealth'] },
      teller,
    );
    expect(issued.status).toBe(201);
    const ticketId = issued.body.ticket.id;
    const outcome = await hub.call<{ followUpId: string }>(
      'POST',
      '/api/outcomes',
      { customerId, ticketId, productCode: 'DEP-3Y', outcome: 'interested' },
      teller,
    );
    expect(outcome.status).toBe(201);
    const complaint = await hub.call<{ id: string }>(
      'POST',
      '/api/complaints',
      { customerId, ticketId, category: 'wait_time', description: '上周等候时间过长' },
      teller,
    );
    expect(complaint.status).toBe(201);
    // The visit was last week: its ticket belongs to a branch day before today's.
    const db = hub.ctx.store.sqlite;
    db.prepare("UPDATE tickets SET branch_day = '2000-01-03' WHERE id = ?").run(ticketId);
    const linked = db
      .prepare('SELECT count(*) AS n FROM complaints WHERE id = ? AND ticket_id = ?')
      .get(complaint.body.id, ticketId) as { n: number };
    const followUp = db
      .prepare("SELECT count(*) AS n FROM follow_ups WHERE id = ? AND status = 'open' AND ticket_id = ?")
      .get(outcome.body.followUpId, ticketId) as { n: number };
    // The scene needs both rows to carry the old visit, or the test would prove nothing.
    expect(linked.n + followUp.n).toBeGreaterThan(0);

    term = await startTerminal(hub.url);
    await synced(term);
    expect(status(term).phase).toBe('online');
    const copy = term.ctx.store.sqlite;
    expect(copy.prepare('SELECT branch_day FROM tickets WHERE id = ?').get(ticketId)).toEqual({
      branch_day: '2000-01-03',
    });
    expect(
      (
        copy.prepare('SELECT count(*) AS n FROM follow_ups WHERE id = ?').get(outcome.body.followUpId) as {
          n: number;
        }
      ).n,
    ).toBe(1);
    if (linked.n)
      expect(
        (
          copy.prepare('SELECT count(*) AS n FROM complaints WHERE id = ?').get(complaint.body.id) as {
            n: number;
          }
        ).n,
      ).toBe(1);
  }, 60_000);
});
