import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayInHlcOrder } from '@shared/sync/merge';
import type { TicketState } from '@shared/queue';
import { morningClock, startHub, startTerminal, status, synced, tempDir, until, type Node } from './harness';

/**
 * (b) The hub is down for an hour of (injected) time while a counter terminal goes on serving: 100 walk-ins,
 * 500 ticket events, numbered from the terminal's reserved block. When the hub is back the terminal's journal
 * reaches it: nothing lost, nothing twice, and the hub's queue equals a replay of all events in HLC order.
 */
const HOUR = 3_600_000;
const TICKETS = 100;
const STEPS = ['call', 'recall', 'start', 'finish'] as const;

const clock = morningClock();
const now = clock.now;
let hubDir: string;
let hubPort: number;
let hub: Node;
let term: Node;

beforeAll(async () => {
  hubDir = tempDir('sync-outage-');
  hub = await startHub({ dir: hubDir, now, keep: true });
  hubPort = Number(new URL(hub.url).port);
  term = await startTerminal(hub.url, { now });
  await synced(term);
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await hub?.stop();
});

function stateOf(t: TicketState) {
  const { eventIds: _ids, lastEventId: _last, ...rest } = t;
  return rest;
}

describe('an hour without the hub', () => {
  it('loses nothing, duplicates nothing, and converges to the HLC replay', async () => {
    const teller = await term.login('teller1');
    const counterId = (
      await term.call<{ me: { counterId: string } }>('GET', '/api/session', undefined, teller)
    ).body.me.counterId;
    await hub.stop();
    const started = clock.t;
    await until(() => !status(term).online, 'terminal sees the hub gone');

    const ids: string[] = [];
    const tick = () => {
      clock.t += HOUR / (TICKETS * (STEPS.length + 1));
    };
    for (let i = 0; i < TICKETS; i++) {
      tick();
      const issued = await term.call<{ ticket: { id: string; displayNo: string } }>(
        'POST',
        '/api/tickets',
        { customerId: null, intents: ['account_open'] },
        teller,
      );
      expect(issued.status).toBe(201);
      expect(issued.body.ticket.displayNo).toMatch(/^A3\d\d$/);
      ids.push(issued.body.ticket.id);
      for (const type of STEPS) {
        tick();
        const r = await term.call(
          'POST',
          `/api/tickets/${issued.body.ticket.id}/events`,
          { type, counterId },
          teller,
        );
        expect(r.status).toBe(200);
      }
    }
    expect(clock.t - started).toBeGreaterThanOrEqual(HOUR - 1);
    const mine = term.ctx.sync.journal.unpushed(10_000, term.ctx.sync.deviceId);
    expect(mine).toHaveLength(TICKETS * (STEPS.length + 1));
    expect(status(term).offlineSince).not.toBeNull();

    // The hub comes back on the same address and data.
    hub = await startHub({ dir: hubDir, port: hubPort, now, keep: false });
    const t0 = Date.now();
    await synced(term);
    const reconnectMs = Date.now() - t0;
    expect(status(term).lastReconnect?.pushed).toBe(500);
    expect(reconnectMs).toBeLessThan(10_000);

    // 0 lost, 0 duplicated.
    const sent = new Set(mine.map((e) => e.id));
    const atHub = hub.ctx.queue.tickets.events().filter((e) => e.deviceId === term.ctx.sync.deviceId);
    expect(atHub).toHaveLength(500);
    expect(new Set(atHub.map((e) => e.id))).toEqual(sent);
    const journaled = hub.ctx.sync.journal
      .after(0, 100_000)
      .filter((r) => r.env.deviceId === term.ctx.sync.deviceId && r.env.kind === 'ticket_event');
    expect(journaled).toHaveLength(500);
    const displayNos = ids.map((id) => hub.ctx.queue.tickets.get(id)?.displayNo);
    expect(new Set(displayNos).size).toBe(TICKETS);

    // The hub's state of every ticket is the HLC-order replay of the events it holds.
    const stamped = hub.ctx.store.sqlite
      .prepare('SELECT DISTINCT ticket_id FROM ticket_events')
      .all()
      .flatMap((r) => hub.ctx.queue.tickets.stampedEvents((r as { ticket_id: string }).ticket_id));
    const replayed = replayInHlcOrder(stamped);
    const stored = hub.ctx.queue.tickets.allStates();
    expect(stored.length).toBe(replayed.size);
    for (const s of stored) expect(stateOf(s)).toEqual(stateOf(replayed.get(s.id) as TicketState));
    for (const id of ids) {
      expect(hub.ctx.queue.tickets.get(id)?.status).toBe('done');
      expect(stateOf(hub.ctx.queue.tickets.get(id) as TicketState)).toEqual(
        stateOf(term.ctx.queue.tickets.get(id) as TicketState),
      );
    }

    // Pushing the same journal again changes nothing.
    const before = hub.ctx.sync.journal.head();
    hub.ctx.sync.applyRemote(mine, { journal: true });
    expect(hub.ctx.sync.journal.head()).toBe(before);
    expect(hub.ctx.queue.tickets.events().filter((e) => e.deviceId === term.ctx.sync.deviceId)).toHaveLength(
      500,
    );
  }, 60_000);
});
