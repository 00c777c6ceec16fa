import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUserDriven, noteInput, USER_REQUEST_WINDOW_MS } from '../lock/activity';
import { sessionLock } from '../lock/lockStore';
import { ApiFailure, request } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const lockedReply = () =>
  json(401, { error: { code: 'session_locked', message: '已锁定 / Locked', zh: '已锁定', en: 'Locked' } });

afterEach(() => {
  vi.unstubAllGlobals();
  sessionLock.abandon();
});

describe('api client and the session lock', () => {
  it('on session_locked locks, waits for the unlock and sends the request again', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(lockedReply())
      .mockResolvedValueOnce(json(200, { rows: [1] }));
    vi.stubGlobal('fetch', fetchMock);
    const p = request<{ rows: number[] }>('GET', '/api/audit');
    await vi.waitFor(() => expect(sessionLock.get()).toEqual({ locked: true, reason: 'server' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    sessionLock.unlock();
    await expect(p).resolves.toEqual({ rows: [1] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('holds new requests while locked and fails them when the user logs out instead', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    sessionLock.lock('idle');
    const p = request('GET', '/api/staff');
    await Promise.resolve();
    expect(fetchMock).not.toHaveBeenCalled();
    sessionLock.abandon();
    await expect(p).rejects.toMatchObject({ status: 401, code: 'session_locked' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lets the unlock call itself through while locked', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    sessionLock.lock('idle');
    await expect(
      request('POST', '/api/session/unlock', { password: 'x' }, { lockExempt: true }),
    ).resolves.toEqual({ ok: true });
    expect(sessionLock.get().locked).toBe(true);
  });

  it('carries the per-field details of a refusal', async () => {
    const details = [{ path: 'customer.tiers.2.minFen', zh: '须≥0', en: 'must be ≥ 0' }];
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>().mockResolvedValue(
        json(400, {
          error: { code: 'invalid_settings', message: 'm', zh: '设置无效', en: 'Invalid', details },
        }),
      ),
    );
    const err = await request('PUT', '/api/settings', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).details).toEqual(details);
    expect(sessionLock.get().locked).toBe(false);
  });
});

describe('api client and the server idle lock', () => {
  const headersOf = (m: ReturnType<typeof vi.fn<typeof fetch>>, call = 0) =>
    (m.mock.calls[call]?.[1]?.headers ?? {}) as Record<string, string>;

  it('marks a request background when nobody typed or moved the mouse just before', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    noteInput(Date.now() - USER_REQUEST_WINDOW_MS - 1);
    await request('GET', '/api/sync/status');
    expect(headersOf(fetchMock)['x-background']).toBe('1');
  });

  it('sends a request right after input as the person’s own', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(json(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    noteInput();
    await request('POST', '/api/settings/rollback', { version: 1 });
    expect(headersOf(fetchMock)['x-background']).toBeUndefined();
    expect(headersOf(fetchMock)['content-type']).toBe('application/json');
    expect(isUserDriven(Date.now() + USER_REQUEST_WINDOW_MS + 1)).toBe(false);
  });
});
