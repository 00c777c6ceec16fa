import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../electron/db/restore';
import { morningClock, startHub, startTerminal, status, synced, tempDir, until, type Node } from './harness';

/**
 * The hub goes back in time: its database is restored from a copy made an hour earlier, while a counter terminal
 * synced on after the copy. The terminal must notice (the copy carries an identity of its own), send again what the
 * restored hub lost of its own work, and go on pulling the hub's journal from where the copy's ends: without that its
 * cursor stood past the restored journal's end and it heard nothing from the hub until the hub caught up, silently.
 */
const HOUR = 3_600_000;
const clock = morningClock();
const now = clock.now;

let hubDir: string;
let hub: Node;
let term: Node;

beforeAll(async () => {
  hubDir = tempDir('sync-restore-');
  hub = await startHub({ dir: hubDir, now, keep: true });
  term = await startTerminal(hub.url, { now });
  await synced(term);
}, 60_000);

afterAll(async () => {
  await term?.stop();
  await hub?.stop();
  rmSync(hubDir, { recursive: true, force: true });
});

async function issue(n: Node, token: string): Promise<{ id: string; displayNo: string }> {
  const r = await n.call<{ ticket: { id: string; displayNo: string } }>(
    'POST',
    '/api/tickets',
    { customerId: null, intents: ['account_open'] },
    token,
  );
  expect(r.status).toBe(201);
  return r.body.ticket;
}

async function backup(n: Node): Promise<string> {
  await n.ctx.backups.stop(); // no scheduled copy in the way
  await n.ctx.backups.start(null);
  await until(async () => !(await n.ctx.backups.status()).running, 'the copy made');
  const st = await n.ctx.backups.status();
  expect(st.lastError).toBeNull();
  return join(st.dir, st.lastDone?.name ?? '');
}

describe('a hub restored from a copy', () => {
  it('hears again from its terminals, and they from it', async () => {
    let termTeller = await term.login('teller1');
    const before = await issue(term, termTeller);
    await synced(term);
    expect(hub.ctx.queue.tickets.get(before.id)).toBeDefined();

    const copy = await backup(hub);
    clock.t += HOUR;
    termTeller = await term.login('teller1'); // an hour idle: the session has ended

    // After the copy: the terminal's work reaches the hub, and the hub's reaches the terminal.
    const lost = await issue(term, termTeller);
    await synced(term);
    expect(hub.ctx.queue.tickets.get(lost.id)).toBeDefined();
    const hubTeller = await hub.login('teller2');
    const hubBefore = await issue(hub, hubTeller);
    await until(
      () => term.ctx.queue.tickets.get(hubBefore.id) !== undefined,
      'the hub ticket at the terminal',
    );
    // … and the terminal reserved one more block (as it does when its numbers run low).
    const day = clock.day;
    const termId = term.ctx.sync.deviceId;
    const grants = hub.ctx.sync.numbers.reserve(termId, day, [{ key: 'individual', prefix: 'A' }], clock.t);
    term.ctx.sync.numbers.store(grants, clock.t);
    const lateBlock = grants
      .filter((g) => g.queue === 'individual' && g.branchDay === day)
      .sort((a, b) => b.start - a.start)[0];

    // The hub's disk is replaced; the copy is put back.
    const port = Number(new URL(hub.url).port);
    await hub.stop();
    const restored = restoreDatabase(join(hubDir, 'data'), copy, clock.t);
    expect(restored.ok).toBe(true);
    clock.t += 60_000;
    hub = await startHub({ dir: hubDir, port, now, keep: true });
    expect(hub.ctx.queue.tickets.get(lost.id)).toBeUndefined();

    // The terminal sends its ticket made after the copy again …
    await until(
      () => hub.ctx.queue.tickets.get(lost.id) !== undefined,
      'the terminal ticket back at the hub',
    );
    // … and hears of the hub's new work.
    const hubAfter = await issue(hub, await hub.login('teller2'));
    await until(
      () => term.ctx.queue.tickets.get(hubAfter.id) !== undefined,
      'a new hub ticket at the terminal',
    );
    await synced(term);
    expect(status(term).online).toBe(true);
    // The hub printed its lost ticket's number again: the terminal's copy of the lost one is set aside.
    expect(hubAfter.displayNo).toBe(hubBefore.displayNo);
    expect(term.ctx.queue.tickets.get(hubBefore.id)?.status).toBe('cancelled');
    expect(term.ctx.sync.journal.countByStatus().failed ?? 0).toBe(0);

    // The terminal says what happened, in its audit trail (which reaches the hub's).
    const said = term.ctx.store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'backup.restore_seen'`)
      .all() as { detail: string }[];
    expect(said).toHaveLength(1);
    const detail = JSON.parse(said[0]?.detail ?? '{}') as {
      resent: number;
      copiedAt: number;
      blocksDropped: number;
    };
    expect(detail.resent).toBeGreaterThanOrEqual(1);
    expect(detail.blocksDropped).toBeGreaterThan(0);
    expect(detail.copiedAt).toBeLessThan(clock.t - HOUR);
    await until(
      () =>
        hub.ctx.store.sqlite
          .prepare(`SELECT count(*) FROM audit_log WHERE action = 'backup.restore_seen'`)
          .pluck()
          .get() === 1,
      'the terminal audit row at the hub',
    );

    // Every block the terminal holds now is one the restored hub knows as the terminal's (the late block was given up;
    // granted again here, it is now the hub's to know), so the hub grants none of them to anyone else …
    const held = (d: Node) =>
      d.ctx.sync.blocks.forDevice(termId, day).map((b) => `${b.branch_day}:${b.queue}:${b.start}-${b.end}`);
    expect(lateBlock).toBeDefined();
    expect(held(term).every((b) => held(hub).includes(b))).toBe(true);
    // … and a ticket it makes now is numbered apart from every ticket the hub holds today.
    const next = await issue(term, await term.login('teller1'));
    await synced(term);
    const numbers = hub.ctx.queue.tickets
      .allStates()
      .map((t) => t.displayNo)
      .filter((n) => n === next.displayNo);
    expect(numbers).toHaveLength(1);
  }, 90_000);
});
