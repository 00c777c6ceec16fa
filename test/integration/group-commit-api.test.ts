import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

// The ticket routes run through the store's group commit (electron/db/group-commit.ts): requests arriving
// together share one COMMIT, and none is answered before the ticket it reports is in the file.

let s: TestServer;
let lobby: string;
let reader: Database.Database;

beforeAll(async () => {
  s = await startTestServer();
  lobby = await s.login('lobby1');
  reader = new Database(join(s.dataDir, 'data', 'branch.db'), { readonly: true });
});
afterAll(async () => {
  reader.close();
  await s.stop();
});

describe('ticket writes under a burst', () => {
  it('twelve walk-ins issued at once: all answered 201, numbered without gaps, each in the file when answered', async () => {
    const before = s.store.group.largest;
    const inFile = reader.prepare('SELECT count(*) AS n FROM tickets WHERE id = ?');
    const answered = await Promise.all(
      // In-process requests (inject) reach the handlers in the same turn, as a busy hall's do over the network.
      Array.from({ length: 12 }, async () => {
        const res = await s.app.inject({
          method: 'POST',
          url: '/api/tickets',
          headers: { authorization: `Bearer ${lobby}` },
          payload: { customerId: null, intents: ['account_open'], flags: {} },
        });
        const body = res.json<{ ticket: { id: string; displayNo: string } }>();
        // Another connection sees the ticket the moment its answer arrives: the answer waited for the COMMIT.
        const seen = (inFile.get(body.ticket.id) as { n: number }).n;
        // The number is the digits of the display number (A012 → 12).
        return { status: res.statusCode, number: Number(body.ticket.displayNo.replace(/\D/g, '')), seen };
      }),
    );
    expect(answered.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(answered.every((a) => a.seen === 1)).toBe(true);
    const numbers = answered.map((a) => a.number).sort((a, b) => a - b);
    const first = numbers[0] as number;
    expect(numbers).toEqual(numbers.map((_, i) => first + i));
    // The burst was in fact grouped (more than one request per COMMIT at least once).
    expect(Math.max(before, s.store.group.largest)).toBeGreaterThan(1);
  });
});
