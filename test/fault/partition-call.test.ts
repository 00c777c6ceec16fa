import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '@shared/api/queue';
import type { SyncStatus } from '@shared/sync/api';
import { startHub, startTerminal, status, synced, until, type Node } from './harness';
import { startProxy, type LinkProxy } from './proxy';

/**
 * (c) Two counter terminals lose the hub, and both call the same waiting ticket. After the links come back the
 * earlier call (by HLC) stands everywhere, the later one stays in the log as refused, and its counter is told.
 */
let hub: Node;
const terms: Node[] = [];
const links: LinkProxy[] = [];

beforeAll(async () => {
  hub = await startHub();
  const port = Number(new URL(hub.url).port);
  for (let i = 0; i < 2; i++) {
    const link = await startProxy({ host: '127.0.0.1', port });
    links.push(link);
    terms.push(await startTerminal(link.url));
  }
  await Promise.all(terms.map((t) => synced(t)));
}, 60_000);

afterAll(async () => {
  for (const t of terms) await t.stop();
  for (const l of links) await l.close();
  await hub?.stop();
});

describe('a ticket called at two partitioned counters', () => {
  it('keeps the earlier call, refuses the later one, and tells its counter', async () => {
    const [t1, t2] = terms as [Node, Node];
    const [l1, l2] = links as [LinkProxy, LinkProxy];
    const lobby = await hub.login('lobby1');
    const issued = await hub.call<{ ticket: { id: string; displayNo: string } }>(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      lobby,
    );
    expect(issued.status).toBe(201);
    const ticketId = issued.body.ticket.id;
    // Both terminals learn of the ticket through their pull.
    await until(
      () => terms.every((t) => t.ctx.queue.tickets.get(ticketId)?.status === 'waiting'),
      'ticket at terminals',
    );

    const teller1 = await t1.login('teller1');
    const teller2 = await t2.login('teller2');
    const c1 = (await t1.call<{ me: { counterId: string } }>('GET', '/api/session', undefined, teller1)).body
      .me.counterId;
    const c2 = (await t2.call<{ me: { counterId: string } }>('GET', '/api/session', undefined, teller2)).body
      .me.counterId;
    expect(c1).not.toBe(c2);

    l1.cut();
    l2.cut();
    // Both calls succeed locally: each terminal only knows its own side.
    const call1 = await t1.call('POST', `/api/tickets/${ticketId}/events`, { type: 'call' }, teller1);
    expect(call1.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    const call2 = await t2.call('POST', `/api/tickets/${ticketId}/events`, { type: 'call' }, teller2);
    expect(call2.status).toBe(200);
    expect(t1.ctx.queue.tickets.get(ticketId)?.counterId).toBe(c1);
    expect(t2.ctx.queue.tickets.get(ticketId)?.counterId).toBe(c2);
    await until(() => !status(t1).online && !status(t2).online, 'both terminals offline');
    expect(status(t2).pending).toBeGreaterThan(0);

    const heard: LiveMessage[] = [];
    t2.ctx.queue.subscribe((m) => heard.push(m));

    // The later call reaches the hub first: the merge must reorder, not keep arrival order.
    l2.heal();
    await synced(t2);
    expect(hub.ctx.queue.tickets.get(ticketId)?.counterId).toBe(c2);
    l1.heal();
    await synced(t1);
    await until(
      () => t2.ctx.queue.tickets.get(ticketId)?.counterId === c1,
      'terminal 2 pulls the earlier call',
    );

    for (const n of [hub, t1, t2]) {
      const state = n.ctx.queue.tickets.get(ticketId);
      expect(state?.status).toBe('called');
      expect(state?.counterId).toBe(c1);
      expect(state?.callCount).toBe(1);
      const log = n.ctx.queue.tickets.stampedEvents(ticketId);
      const calls = log.filter((e) => e.event.type === 'call');
      expect(calls).toHaveLength(2);
      expect(calls.filter((e) => e.accepted).map((e) => e.event.counterId)).toEqual([c1]);
      // The accepted log replays to the stored state; the refused call is not in it.
      expect(n.ctx.queue.tickets.events(ticketId).map((e) => e.type)).toEqual(['issue', 'call']);
    }
    // The live queue of the hub follows the merge too.
    const snap = hub.ctx.queue.snapshot(hub.ctx.now());
    expect(snap.counters.find((c) => c.id === c1)?.current?.id).toBe(ticketId);
    expect(snap.counters.find((c) => c.id === c2)?.current ?? null).toBeNull();

    // Counter 2 is told, on its terminal's status and live feed; counter 1 is not.
    const st = (await t2.call<SyncStatus>('GET', '/api/sync/status', undefined, teller2)).body;
    const notice = st.notices.find((n) => n.ticketId === ticketId);
    expect(notice?.counterId).toBe(c2);
    expect(notice?.zh).toContain(issued.body.ticket.displayNo);
    expect(notice?.zh).toContain('未生效');
    expect(heard.some((m) => m.type === 'notice' && m.notice.counterId === c2)).toBe(true);
    expect(status(t1).notices.filter((n) => n.counterId === c1)).toHaveLength(0);
    expect(status(hub).notices.some((n) => n.counterId === c2 && n.ticketId === ticketId)).toBe(true);

    // Dismissed once, gone.
    const seen = await t2.call('POST', `/api/sync/notices/${notice?.id}/seen`, undefined, teller2);
    expect(seen.status).toBe(200);
    expect(status(t2).notices.find((n) => n.id === notice?.id)).toBeUndefined();
  }, 40_000);

  it('counter 2 can go on: its next call takes another ticket', async () => {
    const [t1, t2] = terms as [Node, Node];
    const teller2 = await t2.login('teller2');
    const lobby = await hub.login('lobby1');
    await hub.call('POST', '/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
    await until(
      () => t2.ctx.queue.snapshot(t2.ctx.now()).queues.some((q) => q.waiting > 0),
      'new ticket at t2',
    );
    const me = (await t2.call<{ me: { counterId: string } }>('GET', '/api/session', undefined, teller2)).body
      .me;
    const next = await t2.call<{ ticket: { id: string; counterId: string } | null }>(
      'POST',
      `/api/counters/${me.counterId}/call-next`,
      undefined,
      teller2,
    );
    expect(next.status).toBe(200);
    expect(next.body.ticket?.counterId).toBe(me.counterId);
    await synced(t2);
    await until(
      () => t1.ctx.queue.tickets.get(next.body.ticket?.id as string)?.counterId === me.counterId,
      'terminal 1 sees counter 2 call',
    );
  }, 20_000);
});
