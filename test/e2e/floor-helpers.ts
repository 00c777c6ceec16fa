import { expect, request, type APIRequestContext } from '@playwright/test';

/**
 * A session token for one member of staff. The suite logs in many times a minute from one address, so a 429 from
 * the login rate limit is waited out (what Retry-After says) and tried again, as a person would.
 */
export async function loginToken(baseURL: string, username: string): Promise<string> {
  const anon = await request.newContext({ baseURL });
  let res = await anon.post('/api/session', { data: { username, password: 'demo1234' } });
  for (let attempt = 0; res.status() === 429 && attempt < 6; attempt++) {
    const wait = Number(res.headers()['retry-after'] ?? 5);
    await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
    res = await anon.post('/api/session', { data: { username, password: 'demo1234' } });
  }
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as { token: string };
  await anon.dispose();
  return token;
}

/** The API as one member of staff (Bearer token), for setting the scene and checking what the UI wrote. */
export async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const token = await loginToken(baseURL, username);
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

export async function customerIdOf(api: APIRequestContext, query: string): Promise<string> {
  const r = (await (await api.get(`/api/customers/lookup?q=${encodeURIComponent(query)}`)).json()) as {
    customers: { id: string }[];
  };
  const id = r.customers[0]?.id;
  expect(id, `customer ${query}`).toBeTruthy();
  return id as string;
}

const CLEAR = 'e2e：测试前清场 / cleared before a test';

/**
 * One customer, one live ticket: specs share one branch, so a showcase customer may still hold a ticket another
 * spec left. Before a spec issues one for them, whatever they still hold is closed: parked if it is being served,
 * then cancelled (as the branch manager, audited like any cancel).
 */
export async function releaseCustomer(baseURL: string, query: string): Promise<void> {
  const api = await apiAs(baseURL, 'manager1');
  await releaseTickets(api, await customerIdOf(api, query));
  await api.dispose();
}

/** The same, by customer id, as staff who work the floor and may act for any counter (lobby, manager). */
export async function releaseTickets(api: APIRequestContext, customerId: string): Promise<void> {
  const held = (await (await api.get(`/api/floor/customers/${customerId}`)).json()) as {
    tickets: { id: string; status: string; counterId: string | null }[];
  };
  for (const t of held.tickets) {
    if (t.status === 'serving') {
      const hold = await api.post(`/api/tickets/${t.id}/events`, {
        data: { type: 'hold', counterId: t.counterId, payload: { reason: CLEAR } },
      });
      expect(hold.status()).toBe(200);
    }
    const cancel = await api.post(`/api/floor/tickets/${t.id}/cancel`, { data: { reason: CLEAR } });
    expect(cancel.status()).toBe(200);
  }
}

/**
 * Runs `fn` with a section of the branch's settings changed by `patch` (saved under `note`), and puts the section back
 * afterwards even if `fn` fails, so later specs see the settings they expect.
 */
export async function withSettings(
  baseURL: string,
  section: string,
  patch: Record<string, unknown>,
  note: string,
  fn: () => Promise<void>,
): Promise<void> {
  const manager = await apiAs(baseURL, 'manager1');
  const { config } = (await (await manager.get('/api/settings')).json()) as {
    config: Record<string, Record<string, unknown>>;
  };
  const put = (part: Record<string, unknown>, n: string) =>
    manager.put('/api/settings', { data: { config: { ...config, [section]: part }, note: n } });
  const before = config[section] ?? {};
  expect((await put({ ...before, ...patch }, note)).status()).toBe(200);
  try {
    await fn();
  } finally {
    expect((await put(before, 'e2e: 恢复')).status()).toBe(200);
    await manager.dispose();
  }
}

/** The visit settings (办结与投诉) changed for `fn`, then put back. */
export function withVisitSettings(
  baseURL: string,
  patch: Record<string, unknown>,
  note: string,
  fn: () => Promise<void>,
): Promise<void> {
  return withSettings(baseURL, 'visit', patch, note, fn);
}
