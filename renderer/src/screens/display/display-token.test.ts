import { describe, expect, it, vi } from 'vitest';
import { displayTokenFrom, exchangeDisplayToken } from './display-token';

const reply = (status: number) => Promise.resolve(new Response('{}', { status }));

describe('display token', () => {
  it('reads the token from the page URL', () => {
    expect(displayTokenFrom('?token=abc123')).toBe('abc123');
    expect(displayTokenFrom('?x=1')).toBeNull();
    expect(displayTokenFrom('?token=%20')).toBeNull();
  });

  it('posts the token and tells accepted, refused and try-again apart', async () => {
    const f = vi.fn(() => reply(200));
    expect(await exchangeDisplayToken('t0k3n', f as unknown as typeof fetch)).toBe('ready');
    expect(f).toHaveBeenCalledWith('/api/display/session', expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse(String((f.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({
      token: 't0k3n',
    });
    expect(await exchangeDisplayToken('x', (() => reply(401)) as unknown as typeof fetch)).toBe('refused');
    expect(await exchangeDisplayToken('x', (() => reply(429)) as unknown as typeof fetch)).toBe('retry');
    const offline = (() => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch;
    expect(await exchangeDisplayToken('x', offline)).toBe('retry');
  });
});
