import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, pathOf, returns } from '@shared/api/contract';
import { unregistered } from './route';

const a = defineRoute({ method: 'GET', path: '/api/a', roles: [], summary: 'a', reply: returns<{ a: 1 }>() });
const b = defineRoute({
  method: 'POST',
  path: '/api/b/:id',
  roles: null,
  params: z.object({ id: z.string() }),
  summary: 'b',
  reply: returns<null>(),
});

describe('route table checks', () => {
  it('names every declared route that has no handler', () => {
    expect(unregistered([a, b], [a])).toEqual(['POST /api/b/:id']);
    expect(unregistered([a, b], [b, a])).toEqual([]);
  });

  it('fills path parameters (encoded) and appends only the defined query values', () => {
    expect(pathOf(b, { id: 'x/y z' })).toBe('/api/b/x%2Fy%20z');
    expect(pathOf(a, undefined, { q: '张三', limit: 5, skip: undefined, empty: '' })).toBe(
      '/api/a?q=%E5%BC%A0%E4%B8%89&limit=5',
    );
    expect(() => pathOf(b, {})).toThrow(/missing path parameter id/);
  });
});
