import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, startTerminal, status, synced, until, type Node } from './harness';
import { startProxy, type LinkProxy } from './proxy';

/**
 * A hub that takes connections and never answers (its PC hung, a route that swallows packets). Every try of the
 * terminal waits the client's full timeout (10 s). The counter must see 离线模式 all that time, not "uploading 0/N",
 * which would tell staff their work is going up while it is not.
 */
let hub: Node;
let term: Node;
let link: LinkProxy;

beforeAll(async () => {
  hub = await startHub();
  link = await startProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
  term = await startTerminal(link.url);
  await synced(term);
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await link?.close();
  await hub?.stop();
});

describe('a hub that stops answering', () => {
  it('leaves the terminal offline on screen while it waits, then uploads once the hub answers', async () => {
    link.cut();
    await until(() => !status(term).online, 'the terminal offline');
    const made = await term.call(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      await term.login('teller1'),
    );
    expect(made.status).toBe(201);

    link.stall();
    const phases = new Set<string>();
    const t0 = Date.now();
    while (Date.now() - t0 < 12_000) {
      const s = status(term);
      phases.add(s.progress ? `${s.phase}+progress` : s.phase);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect([...phases]).toEqual(['offline']);

    link.heal();
    await synced(term);
    expect(status(term).pending).toBe(0);
  }, 60_000);
});
