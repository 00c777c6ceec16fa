import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './harness';

/*
 * Step 13: the satisfaction pad (评价器). The pad answers only with its own token, only for the visit just finished
 * at its counter, only within the window, only once; a 不满意 opens a complaint and tells the lobby at once.
 */

let s: TestServer;
let clock = Date.UTC(2026, 11, 3, 2, 0, 0);
let teller1: string;
let lobby: string;
let manager: string;
let c: Record<string, string>;
let padToken = '';
let otherPad = '';

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const padGet = (counter: number, token: string) =>
  fetch(`${s.url}/api/rate/${counter}/state`, { headers: { 'x-pad-token': token } });
const padPost = (counter: number, body: unknown, headers: Record<string, string>) =>
  fetch(`${s.url}/api/rate/${counter}/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const patch = (path: string, body: unknown, token: string) =>
  fetch(s.url + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

/** Issues a ticket, and teller1 calls, serves and finishes it at counter 1. */
async function serveOne(): Promise<string> {
  const res = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
  expect(res.status).toBe(201);
  const called = await json<{ ticket: { id: string } | null }>(
    await s.post(`/api/counters/${c['1']}/call-next`, {}, teller1),
  );
  const id = called.ticket?.id as string;
  expect(id).toBeTruthy();
  clock += 1_000;
  expect((await s.post(`/api/tickets/${id}/events`, { type: 'start' }, teller1)).status).toBe(200);
  clock += 60_000;
  expect((await s.post(`/api/tickets/${id}/events`, { type: 'finish' }, teller1)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  s = await startTestServer({ customers: 10, now: () => clock });
  teller1 = await s.login('teller1');
  lobby = await s.login('lobby1');
  manager = await s.login('manager1');
  const r = await json<{ counters: { id: string; number: number }[] }>(await s.get('/api/counters', lobby));
  c = Object.fromEntries(r.counters.map((x) => [String(x.number), x.id]));
  expect(
    (await patch(`/api/counters/${c['1']}`, { open: true, staffState: 'serving' }, teller1)).status,
  ).toBe(200);
});
afterAll(async () => {
  await s.stop();
});

describe('satisfaction pad', () => {
  it('is enrolled by a manager with a token shown once, bound to one counter', async () => {
    expect(
      (await s.post('/api/feedback/pads', { counterId: c['1'], name: '1号评价器' }, teller1)).status,
    ).toBe(403);
    const res = await s.post('/api/feedback/pads', { counterId: c['1'], name: '1号评价器' }, manager);
    expect(res.status).toBe(201);
    const created = await json<{ token: string; path: string }>(res);
    expect(created.path).toBe(`/rate/1?token=${created.token}`);
    padToken = created.token;
    otherPad = (
      await json<{ token: string }>(
        await s.post('/api/feedback/pads', { counterId: c['2'], name: '2' }, manager),
      )
    ).token;
    const list = await json<{ counterNumber: number }[]>(await s.get('/api/feedback/pads', manager));
    expect(list.map((p) => p.counterNumber).sort()).toEqual([1, 2]);
    // The session route trades the token for a cookie; a wrong token is refused.
    expect((await s.post('/api/rate/session', { token: 'x'.repeat(43) })).status).toBe(401);
    const session = await s.post('/api/rate/session', { token: padToken });
    expect(session.status).toBe(200);
    expect(session.headers.get('set-cookie')).toContain('ptok=');
  });

  it('shows the teller when idle (服务监督) and answers only to its own token and counter', async () => {
    expect((await fetch(`${s.url}/api/rate/1/state`)).status).toBe(401);
    expect((await padGet(1, otherPad)).status).toBe(403);
    const st = await json<{ teller: { name: string; staffNo: string } | null; ask: unknown }>(
      await padGet(1, padToken),
    );
    expect(st.teller?.staffNo).toBe('teller1');
    expect(st.ask).toBeNull();
  });

  it('asks after the teller finishes; refuses a teller session; a 不满意 opens a complaint and tells the lobby', async () => {
    const events: unknown[] = [];
    const ws = new WebSocket(`${s.url.replace('http', 'ws')}/api/live`);
    ws.on('message', (d: Buffer) => events.push(JSON.parse(d.toString('utf8'))));
    await new Promise((r) => ws.on('open', r));

    const id = await serveOne();
    const st = await json<{ ask: { ticketId: string; closesAt: number } | null }>(await padGet(1, padToken));
    expect(st.ask?.ticketId).toBe(id);
    expect(st.ask?.closesAt).toBe(clock + 30_000);

    // A teller's session (cookie or bearer) cannot rate in the customer's place.
    const asTeller = await padPost(
      1,
      { ticketId: id, level: 'very_satisfied' },
      { authorization: `Bearer ${teller1}` },
    );
    expect(asTeller.status).toBe(401);
    expect((await json<{ error: { code: string } }>(asTeller)).error.code).toBe('pad_token_required');
    // Nor can another counter's pad.
    expect((await padPost(1, { ticketId: id, level: 'satisfied' }, { 'x-pad-token': otherPad })).status).toBe(
      403,
    );

    clock += 5_000;
    const res = await padPost(
      1,
      { ticketId: id, level: 'dissatisfied', dimensions: { attitude: 'poor' } },
      { 'x-pad-token': padToken },
    );
    expect(res.status).toBe(201);
    expect((await json<{ escalation: string | null }>(res)).escalation).toBe('dissatisfied');

    const second = await padPost(1, { ticketId: id, level: 'satisfied' }, { 'x-pad-token': padToken });
    expect(second.status).toBe(409);
    expect((await json<{ error: { code: string; zh: string; en: string } }>(second)).error).toMatchObject({
      code: 'already_rated',
      zh: expect.any(String),
      en: expect.any(String),
    });

    const complaints = await json<{ complaints: { ticketId: string | null; description: string }[] }>(
      await s.get('/api/complaints', manager),
    );
    const mine = complaints.complaints.find((x) => x.ticketId === id);
    expect(mine?.description).toContain('不满意');
    expect(mine?.description).toContain('态度');

    const alerts = await json<{ alerts: { ticketId: string; answer: string }[] }>(
      await s.get('/api/feedback/alerts', lobby),
    );
    expect(alerts.alerts[0]).toMatchObject({ ticketId: id, answer: 'dissatisfied' });
    await new Promise((r) => setTimeout(r, 100));
    ws.close();
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'feedback', alert: expect.objectContaining({ ticketId: id }) }),
    );
    // The pad is idle again.
    expect((await json<{ ask: unknown }>(await padGet(1, padToken))).ask).toBeNull();
  });

  it('refuses a stale visit and stores it as 未评价; refuses an earlier visit once a later one finished', async () => {
    const first = await serveOne();
    const second = await serveOne();
    const early = await padPost(1, { ticketId: first, level: 'satisfied' }, { 'x-pad-token': padToken });
    expect((await json<{ error: { code: string } }>(early)).error.code).toBe('not_current_visit');

    clock += 31_000;
    const late = await padPost(1, { ticketId: second, level: 'satisfied' }, { 'x-pad-token': padToken });
    expect(late.status).toBe(409);
    expect((await json<{ error: { code: string } }>(late)).error.code).toBe('answer_window_closed');
    expect((await json<{ ask: unknown }>(await padGet(1, padToken))).ask).toBeNull();

    const f = await json<{ total: { finished: number; answered: number; dissatisfied: number } }>(
      await s.get('/api/feedback/figures', manager),
    );
    // Three visits finished; one answered (不满意); the timed-out one is stored as 未评价, not as an answer.
    expect(f.total).toMatchObject({ finished: 3, answered: 1, dissatisfied: 1 });
    const rows = s.store.sqlite
      .prepare(`SELECT answer, channel FROM feedback_ratings WHERE ticket_id = ?`)
      .all(second);
    expect(rows).toEqual([{ answer: 'none', channel: 'timeout' }]);
  });

  it('puts every rating in the outbox, with the complaint it opened', () => {
    const kinds = s.store.sqlite
      .prepare(
        `SELECT kind, count(*) n FROM outbox WHERE kind IN ('feedback_rating', 'complaint') GROUP BY kind`,
      )
      .all();
    expect(kinds).toEqual([
      { kind: 'complaint', n: 1 },
      { kind: 'feedback_rating', n: 2 },
    ]);
  });

  it('takes one web-survey answer per visit through the signed link on the slip; refuses a changed link', async () => {
    const id = await serveOne();
    const link = await json<{ path: string }>(await s.get(`/api/feedback/survey-link/${id}`, lobby));
    expect(link.path).toMatch(/^\/survey\//);
    const token = link.path.slice('/survey/'.length);
    const view = await json<{ displayNo: string; rated: boolean }>(await s.get(`/api/survey/${token}`));
    expect(view.rated).toBe(false);
    // A link changed to name another visit, or a forged signature, is refused.
    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await s.get(`/api/survey/${forged}`)).status).toBe(404);
    expect((await s.post(`/api/survey/${token}`, { level: 'satisfied' })).status).toBe(201);
    const again = await s.post(`/api/survey/${token}`, { level: 'dissatisfied' });
    expect(again.status).toBe(409);
    expect((await json<{ error: { code: string } }>(again)).error.code).toBe('already_rated');
    expect(
      s.store.sqlite.prepare(`SELECT answer, channel FROM feedback_ratings WHERE ticket_id = ?`).all(id),
    ).toEqual([{ answer: 'satisfied', channel: 'survey' }]);
    // Past the link's life it is refused too.
    clock += 3 * 86_400_000;
    expect((await s.get(`/api/survey/${token}`)).status).toBe(404);
    clock -= 3 * 86_400_000;
  });

  it('exports the ratings (CSV), masked like every export', async () => {
    expect((await s.get('/api/export/ratings?format=csv', teller1)).status).toBe(403);
    const res = await s.get('/api/export/ratings?format=csv', manager);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('评价');
    expect(csv).toContain('不满意');
    expect(csv).toContain('态度:待改进');
    expect(csv).toContain('超时未评价');
  });

  it('gives figures to managers only', async () => {
    expect((await s.get('/api/feedback/figures', teller1)).status).toBe(403);
    expect((await s.get('/api/feedback/figures?from=2026-12-05&to=2026-12-01', manager)).status).toBe(400);
  });
});
