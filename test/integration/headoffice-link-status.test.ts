import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/sync/api';
import { HeadOfficeSyncRepo } from '../../electron/db/repos/headoffice-sync';
import { patchBranchSettings, startTestServer, type TestServer } from './harness';

/**
 * The hub's sync status carries its head-office link (the manager's banner): the journal's backlog read cheaply,
 * and the level the branch's limits give it. The real push is covered by the head-office tests; here the journal and
 * the sync state are set as a failing link or a missing one leaves them.
 */
const HOUR = 3_600_000;
let s: TestServer;
let token: string;
let clock = Date.UTC(2026, 11, 5, 1, 0);

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  token = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

async function link(): Promise<NonNullable<SyncStatus['headOffice']>> {
  const status = (await (await s.get('/api/sync/status', token)).json()) as SyncStatus;
  if (!status.headOffice) throw new Error('no headOffice in the hub status');
  return status.headOffice;
}

async function setLimits(branch: { headOfficeLagHours?: number; journalWarnRows?: number }): Promise<void> {
  expect((await patchBranchSettings(s, token, branch, 'test: limits')).status).toBe(200);
}

/** Rows as the triggers write them (a balance file, a day of tickets…), made now. */
function grow(n: number): void {
  const add = s.store.sqlite.prepare(
    `INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload) VALUES ('audit_log', ?, 'insert', ?, NULL, NULL, '{}')`,
  );
  s.store.tx(() => {
    for (let i = 0; i < n; i++) add.run(`grow-${count()}`, clock);
  });
}

const count = () => s.store.sqlite.prepare('SELECT count(*) FROM ho_journal').pluck().get() as number;

describe('the head-office link in the hub status', () => {
  it('counts exactly what waits, also after the head office took the oldest part', async () => {
    grow(30);
    const first = await link();
    expect(first).toMatchObject({ configured: false, lastPushAt: null, lastError: null, level: 'ok' });
    expect(first.pending).toBe(count());
    // The head office acknowledged the oldest ten rows: they leave the journal from its low end.
    const tenth = s.store.sqlite
      .prepare('SELECT seq FROM ho_journal ORDER BY seq LIMIT 1 OFFSET 9')
      .pluck()
      .get();
    new HeadOfficeSyncRepo(s.store).ack(tenth as number, clock);
    const after = await link();
    expect(after.pending).toBe(first.pending - 10);
    expect(after.pending).toBe(count());
  });

  it('without a link, warns once the journal reaches the branch limit', async () => {
    await setLimits({ journalWarnRows: Math.max(1_000, count() + 5) });
    expect((await link()).level).toBe('ok');
    // The journal grows (a balance file, a day of tickets…) past the limit.
    grow(Math.max(1_000, count() + 5) - count());
    const l = await link();
    expect(l.level).toBe('unconfigured');
    expect(l.pending).toBe(count());
  });

  it('with a link: a failing one is behind only once a change has waited past the limit', async () => {
    s.ctx.syncApp.headOfficeConfigured = true;
    await setLimits({ headOfficeLagHours: 24 });
    const repo = new HeadOfficeSyncRepo(s.store);
    repo.setState('last_push_at', String(clock), clock);
    const oldest = s.store.sqlite
      .prepare('SELECT at FROM ho_journal ORDER BY seq LIMIT 1')
      .pluck()
      .get() as number;
    expect((await link()).level).toBe('ok');
    // Down for an hour past the limit, counted from the oldest change waiting.
    repo.setState('last_error', 'connect ECONNREFUSED 10.0.0.9:443', clock);
    clock = oldest + 25 * HOUR;
    token = await s.login('manager1'); // a day later: a new session
    const l = await link();
    expect(l).toMatchObject({
      configured: true,
      level: 'behind',
      lastError: 'connect ECONNREFUSED 10.0.0.9:443',
    });
    expect(l.waitedHours).toBe(25);
    // A round that went well clears the error: nothing to say, whatever still waits.
    repo.setState('last_error', '', clock);
    expect((await link()).level).toBe('ok');
  });
});
