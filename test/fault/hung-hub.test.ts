import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair, status, stopPair, synced, until, type Node } from './harness';
import type { LinkProxy } from './proxy';

/**
 * A hub that takes connections and never answers (its PC hung, a route that swallows packets). Every try of the
 * terminal waits the client's full timeout (10 s). The counter must see 离线模式 all that time, not "uploading 0/N",
 * which would tell staff their work is going up while it is not.
 */
let hub: Node;
let term: Node;
let link: LinkProxy;

beforeAll(async () => {
  ({ hub, link, term } = await startPair());
}, 60_000);

afterAll(() => stopPair({ hub, link, term }));

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
