import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/showcase';
import { Upkeep } from '../../electron/app/upkeep';
import { morningClock, startPair, status, stopPair, synced, until, type Node } from './harness';
import type { LinkProxy } from './proxy';

/**
 * The hub prunes its journal after journalKeepDays (60). A terminal off for longer finds the rows after its cursor
 * gone: it must take a full snapshot rather than go on from the tail and silently skip them. The scene: while the
 * terminal is off, the hub records an open follow-up (a row that reaches terminals only through the journal or a
 * full snapshot, not the periodic refresh); 61 days on, the journal rows of that day are pruned.
 */
const DAY = 86_400_000;
const clock = morningClock();
const now = clock.now;
let hub: Node;
let term: Node;
let link: LinkProxy;

beforeAll(async () => {
  ({ hub, link, term } = await startPair({ now }));
}, 60_000);

/** The hourly job, run once now on `node`. */
function prune(node: Node): Promise<number> {
  return new Upkeep({
    store: node.ctx.store,
    journal: node.ctx.sync.journal,
    hub: node === hub,
    now,
    keepDays: () => node.ctx.sync.cfg.journalKeepDays,
    log: pino({ level: 'silent' }),
  }).run();
}

afterAll(() => stopPair({ hub, link, term }));

describe('a terminal off longer than the hub keeps its journal', () => {
  it('takes a full snapshot instead of skipping the pruned rows', async () => {
    link.cut();
    await until(() => !status(term).online, 'the terminal offline');
    const teller = await hub.login('teller1');
    const found = await hub.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${SHOWCASE.private.customerNo}`,
      undefined,
      teller,
    );
    const customerId = found.body.customers[0]?.id as string;
    const issued = await hub.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      { customerId, intents: ['wealth'] },
      teller,
    );
    const outcome = await hub.call<{ followUpId: string }>(
      'POST',
      '/api/outcomes',
      { customerId, ticketId: issued.body.ticket.id, productCode: 'DEP-3Y', outcome: 'interested' },
      teller,
    );
    expect(outcome.status).toBe(201);
    const followUpId = outcome.body.followUpId;
    const cursor = Number(term.ctx.sync.journal.getState('pull_cursor'));

    clock.t += 61 * DAY;
    // Something new at the hub (the newest row is never pruned anyway).
    await hub.call(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      await hub.login('teller1'),
    );
    const head = hub.ctx.sync.journal.head();
    const pruned = await prune(hub);
    expect(pruned).toBeGreaterThan(0);
    const tail = hub.ctx.sync.journal.tail() as number;
    expect(tail).toBeGreaterThan(cursor + 1); // the rows after the terminal's cursor are gone …
    expect(hub.ctx.sync.journal.head()).toBe(head); // … never the newest

    link.heal();
    await until(
      () =>
        term.ctx.store.sqlite.prepare('SELECT 1 FROM follow_ups WHERE id = ?').get(followUpId) !== undefined,
      'the open follow-up at the terminal',
      30_000,
    );
    await synced(term);
    expect(Number(term.ctx.sync.journal.getState('pull_cursor'))).toBeGreaterThanOrEqual(tail - 1);
  }, 90_000);

  it('forgets what the terminal pushed and the applied event ids after the same time; an old event sent again changes nothing', async () => {
    const walkIn = { customerId: null, intents: ['account_open'] };
    const sent = await term.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      walkIn,
      await term.login('teller1'),
    );
    expect(sent.status).toBe(201);
    await synced(term);
    const ownEvent = (ticketId: string) =>
      term.ctx.sync.journal
        .after(0, 100_000)
        .map((r) => r.env)
        .find((e) => e.kind === 'ticket_event' && e.entityId === ticketId);
    const old = ownEvent(sent.body.ticket.id);
    if (!old) throw new Error('the terminal journals its own ticket');
    expect(hub.ctx.sync.journal.applied(old.id)?.status).toBe('applied');

    // One more made offline: it must survive any pruning until the hub has it.
    link.cut();
    await until(() => !status(term).online, 'the terminal offline');
    const waiting = await term.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      walkIn,
      await term.login('teller1'),
    );
    expect(waiting.status).toBe(201);
    clock.t += 61 * DAY;

    expect(await prune(term)).toBeGreaterThan(0);
    expect(ownEvent(sent.body.ticket.id)).toBeUndefined();
    expect(ownEvent(waiting.body.ticket.id)).toBeDefined();
    expect(term.ctx.sync.journal.applied(old.id)).toBeUndefined();
    expect(term.ctx.sync.journal.unpushedCount()).toBeGreaterThan(0);

    link.heal();
    await synced(term);
    expect(term.ctx.sync.journal.unpushedCount()).toBe(0);
    const atHub = hub.ctx.store.sqlite.prepare('SELECT count(*) FROM tickets WHERE id = ?').pluck();
    expect(atHub.get(waiting.body.ticket.id)).toBe(1);

    await prune(hub);
    expect(hub.ctx.sync.journal.applied(old.id)).toBeUndefined();
    const events = hub.ctx.store.sqlite
      .prepare('SELECT count(*) FROM ticket_events WHERE ticket_id = ?')
      .pluck();
    const before = events.get(old.entityId);
    const again = hub.ctx.sync.applyRemote([old], { journal: true });
    expect(again.results).toEqual([{ id: old.id, status: 'duplicate' }]);
    expect(events.get(old.entityId)).toBe(before);
  }, 90_000);
});
