import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

// Enrolling a terminal takes a manager's password: wrong guesses there count toward the same lockout as login.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

it('locks the account after repeated wrong passwords at terminal enrollment', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await s.post('/api/sync/enroll', {
      username: 'manager1',
      password: `wrong-${i}`,
      deviceId: 'counter-pc-9',
    });
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
  expect(statuses.slice(4)).toEqual([423, 423]);
  const login = await s.post('/api/session', { username: 'manager1', password: 'demo1234' });
  expect(login.status).toBe(423);
});
