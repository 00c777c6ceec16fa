import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TicketState } from '@shared/queue';
import { startPair, status, stopPair, synced, until, type Node } from './harness';
import type { LinkProxy } from './proxy';

/**
 * A flaky link: the proxy between terminal and hub refuses, delays and cuts connections at random (some after
 * the hub has committed a push, before the answer is back). Sync still converges, with no duplicates.
 */
let hub: Node;
let term: Node;
let link: LinkProxy;

// Deterministic randomness, so a failure can be replayed.
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

beforeAll(async () => {
  ({ hub, link, term } = await startPair());
}, 60_000);

afterAll(() => stopPair({ hub, link, term }));

const strip = (t: TicketState | undefined) => {
  if (!t) return t;
  const { eventIds: _e, lastEventId: _l, ...rest } = t;
  return rest;
};

it('converges through a link that drops and delays at random', async () => {
  const teller = await term.login('teller1');
  const counterId = (await term.call<{ me: { counterId: string } }>('GET', '/api/session', undefined, teller))
    .body.me.counterId;
  const lobby = await hub.login('lobby1');
  link.flaky({ dropRate: 0.3, maxDelayMs: 80, rand: lcg(42) });

  const termTickets: string[] = [];
  const hubTickets: string[] = [];
  for (let i = 0; i < 40; i++) {
    const t = await term.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      teller,
    );
    expect(t.status).toBe(201);
    termTickets.push(t.body.ticket.id);
    for (const type of ['call', 'start', 'finish']) {
      const r = await term.call(
        'POST',
        `/api/tickets/${t.body.ticket.id}/events`,
        { type, counterId },
        teller,
      );
      expect(r.status).toBe(200);
    }
    if (i % 2 === 0) {
      const h = await hub.call<{ ticket: { id: string } }>(
        'POST',
        '/api/tickets',
        { customerId: null, intents: ['account_open'] },
        lobby,
      );
      expect(h.status).toBe(201);
      hubTickets.push(h.body.ticket.id);
    }
  }
  await until(() => status(term).pending === 0, 'outbox drained through the flaky link', 40_000);
  const dropped = link.dropped();
  link.flaky(null);
  await synced(term);
  await until(() => hubTickets.every((id) => term.ctx.queue.tickets.get(id)), 'hub tickets at the terminal');

  expect(dropped).toBeGreaterThan(3);
  const mine = hub.ctx.queue.tickets.events().filter((e) => e.deviceId === term.ctx.sync.deviceId);
  expect(mine).toHaveLength(160);
  expect(new Set(mine.map((e) => e.id)).size).toBe(160);
  const journal = hub.ctx.sync.journal.after(0, 100_000);
  expect(new Set(journal.map((r) => r.env.id)).size).toBe(journal.length);
  for (const id of [...termTickets, ...hubTickets]) {
    expect(strip(term.ctx.queue.tickets.get(id))).toEqual(strip(hub.ctx.queue.tickets.get(id)));
  }
}, 60_000);
