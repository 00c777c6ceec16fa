import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, startTerminal, status, synced, tempDir, until, type Node } from './harness';

/**
 * A hub that no longer knows a terminal: restored from a copy made before the terminal was enrolled, or rebuilt.
 * The terminal must not look merely offline (staff would chase the network): its status says it is not enrolled,
 * which the banner turns into what to do, and enrolling again with a manager's credentials brings it back with
 * the work it did meanwhile. (Simulated here by the hub forgetting the device, which is what such a copy holds.)
 */
let hub: Node;
let term: Node;
const termDir = tempDir('sync-reenroll-');

beforeAll(async () => {
  hub = await startHub();
  term = await startTerminal(hub.url, { dir: termDir, keep: true });
  await synced(term);
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await hub?.stop();
  rmSync(termDir, { recursive: true, force: true });
});

describe('a terminal the hub no longer knows', () => {
  it('says it is not enrolled (not just offline), and enrolling again brings its work up', async () => {
    hub.ctx.store.sqlite.prepare('DELETE FROM sync_devices WHERE device_id = ?').run(term.ctx.sync.deviceId);
    const teller = await term.login('teller1');
    const made = await term.call<{ ticket: { id: string } }>(
      'POST',
      '/api/tickets',
      { customerId: null, intents: ['account_open'] },
      teller,
    );
    expect(made.status).toBe(201);
    await until(() => status(term).notEnrolled, 'the terminal told it is not enrolled');
    expect(status(term).online).toBe(false);
    // Each retry passes through 'syncing' for the moment its push takes; between retries it is offline.
    await until(() => status(term).phase === 'offline', 'the terminal offline');

    // Restarted as it was: it keeps its enrollment, and the hub still refuses it.
    await term.stop();
    term = await startTerminal(hub.url, { dir: termDir, keep: true });
    await until(() => status(term).notEnrolled, 'still not enrolled after a plain restart');

    await term.stop();
    // A wrong login is refused with the hub's own words (the desktop app shows them on its role page).
    await expect(
      startTerminal(hub.url, { dir: termDir, keep: true, reenroll: true, password: 'wrong-pass' }),
    ).rejects.toThrow(/用户名或密码错误 · Wrong username or password/);
    term = await startTerminal(hub.url, { dir: termDir, keep: true, reenroll: true });
    await synced(term);
    expect(status(term).notEnrolled).toBe(false);
    await until(
      () => hub.ctx.queue.tickets.get(made.body.ticket.id) !== undefined,
      'the ticket made meanwhile at the hub',
    );
  }, 90_000);
});
