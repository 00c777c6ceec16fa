import fc from 'fast-check';
import { defaultRulesConfig } from '@shared/config/schema';
import { SHOWCASE } from '../../electron/db/demo/generate';
import type { RouteInfo } from '../../electron/server/context';

/**
 * The malformed requests of fuzz-routes.test.ts: valid examples per route and the ways to break them (mutated
 * and random JSON, broken JSON, deep nesting, wrong content types, oversized bodies, junk queries and params).
 */
const { idNumber: ID, phone: PHONE, card: CARD } = SHOWCASE.private;

/** Real ids from the running server (a customer, counters, a ticket, staff, a display), filled in by its setup. */
export const pool: string[] = [];

const EXAMPLES: Record<string, () => unknown> = {
  'POST /api/session': () => ({ username: 'fuzzpw', password: 'wrong-password' }),
  'POST /api/session/unlock': () => ({ password: 'wrong-password' }),
  'POST /api/session/password': () => ({ oldPassword: 'wrong-password', newPassword: 'abc12345' }),
  'POST /api/setup': () => ({ username: 'boss', displayName: '行长', password: 'abc12345' }),
  'POST /api/staff': () => ({
    username: 'newhire',
    displayName: '新员工',
    role: 'teller',
    password: 'abc12345',
  }),
  'PATCH /api/staff/:id': () => ({ displayName: '改名', role: 'lobby', counterId: null, active: true }),
  'POST /api/staff/:id/password': () => ({ password: 'abc12345' }),
  'POST /api/counters': () => ({ number: 50, name: '50号窗口', channel: 'counter', queues: ['individual'] }),
  'PATCH /api/counters/:id': () => ({
    open: true,
    staffState: 'serving',
    name: '窗口',
    queues: ['individual'],
  }),
  'PUT /api/settings': () => ({ config: structuredClone(defaultRulesConfig), note: 'fuzz' }),
  'POST /api/settings/rollback': () => ({ version: 1 }),
  'POST /api/settings/preview': () => ({ config: structuredClone(defaultRulesConfig) }),
  'POST /api/displays': () => ({ name: '大堂电视' }),
  'POST /api/display/session': () => ({ token: 'x'.repeat(43) }),
  'POST /api/triage': () => ({ customerId: null, intents: ['cash'], flags: { elderly: true } }),
  'POST /api/tickets': () => ({
    customerId: pool[0],
    intents: ['cash', 'wealth'],
    override: { channel: 'vip', reason: '客户要求' },
  }),
  'POST /api/tickets/:id/events': () => ({ type: 'call', counterId: pool[1], payload: { reason: '测试' } }),
  'POST /api/customers/:id/reveal': () => ({ field: 'id', reason: '核对身份' }),
  'POST /api/outcomes': () => ({
    customerId: pool[0],
    productCode: 'DEP-3Y',
    outcome: 'interested',
    note: '客户电话１３８５８１０６６８８',
    followUp: { dueAt: 8640000000000001 },
  }),
  'PATCH /api/follow-ups/:id': () => ({ status: 'done', note: '已回访' }),
  'POST /api/complaints': () => ({ customerId: null, category: 'wait_time', description: '等候时间太长' }),
  'PATCH /api/complaints/:id': () => ({ status: 'resolved', resolution: '已致歉' }),
  'POST /api/queues/end-of-day': () => ({}),
};

const QUERY_KEYS = [
  'q',
  'kind',
  'fileName',
  'asOf',
  'encoding',
  'format',
  'from',
  'to',
  'action',
  'staffId',
  'targetId',
  'limit',
  'cursor',
  'mine',
  'status',
  'customerId',
  'intents',
  'token',
  'since',
];

const junk = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1e309',
      'NaN',
      'null',
      'true',
      '[]',
      '{}',
      '../../etc/passwd',
      '%00',
      '\u0000',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '张',
      ID,
      PHONE,
      CARD,
      `${ID.slice(0, 17)}0`,
      'C100000001',
      '2026-02-30',
      '9999-99-99',
      'x'.repeat(3000),
      // Far-future epoch ms (past what Date holds) and an ID/phone in full-width digits.
      '8640000000000001',
      '１３８５８１０６６８８',
      `客户${ID.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`,
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const json = fc.oneof(
  { weight: 9, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      8640000000000001,
      -8640000000000001,
      Date.UTC(2999, 0, 1),
      Date.UTC(1999, 11, 31),
      { dueAt: 8640000000000001 },
      '１３８５８１０６６８８',
    ),
  },
);

/** A valid example with one spot changed: the likeliest way to get past the first checks. */
function mutate(example: unknown, pick: number, value: unknown, op: 'set' | 'delete' | 'wrap'): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
    }
  };
  walk(example, []);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return op === 'wrap' ? [example] : value;
  let parent = example as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (op === 'delete') delete parent[last];
  else if (op === 'wrap') parent[last] = [parent[last]];
  else parent[last] = value;
  return example;
}

type Body =
  { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; type: string; text: string | Buffer };

function bodyFor(route: RouteInfo): fc.Arbitrary<Body> {
  const key = `${route.method} ${route.url}`;
  const example = EXAMPLES[key];
  const keys = Object.keys((example?.() as object | undefined) ?? {});
  const exampleKeys = keys.length ? keys : ['a'];
  const deep = fc.integer({ min: 500, max: 20_000 }).chain((n) =>
    fc.constantFrom<Body>(
      { kind: 'raw', type: 'application/json', text: '['.repeat(n) + ']'.repeat(n) },
      { kind: 'raw', type: 'application/json', text: '{"a":'.repeat(n) + '1' + '}'.repeat(n) },
      {
        kind: 'raw',
        type: 'application/json',
        text: `{"type":"call","payload":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`,
      },
      {
        // Past the first checks (a valid type and reason), the depth hidden in an extra key.
        kind: 'raw',
        type: 'application/json',
        text: `{"type":"cancel","payload":{"reason":"x","a":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`,
      },
    ),
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    {
      weight: key in EXAMPLES ? 8 : 0,
      arbitrary: fc
        .tuple(fc.nat(), json, fc.constantFrom<'set' | 'delete' | 'wrap'>('set', 'delete', 'wrap'))
        .map(([pick, v, op]): Body => ({ kind: 'json', value: mutate(example?.(), pick, v, op) })),
    },
    { weight: 4, arbitrary: json.map((value): Body => ({ kind: 'json', value })) },
    {
      weight: 3,
      arbitrary: fc
        .dictionary(fc.oneof(fc.constantFrom(...exampleKeys), fc.string()), json, {
          maxKeys: 6,
        })
        .map((value): Body => ({ kind: 'json', value })),
    },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            '{',
            '{"a":',
            '[1,2',
            'nul',
            '"unterminated',
            '{"__proto__":{"polluted":1}}',
            '{"constructor":{"prototype":{"polluted":1}}}',
            '\u0000',
            '{"a":1}{"b":2}',
            '\ufeff{"a":1}',
            '',
          ),
          fc.string({ maxLength: 60 }),
        )
        .map((text): Body => ({ kind: 'raw', type: 'application/json', text })),
    },
    { weight: 1, arbitrary: deep },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
            'application/octet-stream',
            'application/json; charset=gbk',
            'weird',
          ),
          fc.uint8Array({ maxLength: 200 }),
        )
        .map(([type, bytes]): Body => ({ kind: 'raw', type, text: Buffer.from(bytes) })),
    },
    {
      weight: 1,
      arbitrary: fc.constant(null).map((): Body => ({
        kind: 'raw',
        type: 'application/json',
        text: `{"a":"${'x'.repeat(1_100_000)}"}`,
      })),
    },
  );
}

interface FuzzCase {
  route: RouteInfo;
  params: string[];
  query: [string, string][];
  rawQuery: string | null;
  body: Body;
  auth: 'role' | 'none' | 'junk';
}

export function caseFor(route: RouteInfo): fc.Arbitrary<FuzzCase> {
  const nParams = (route.url.match(/:[a-zA-Z]+/g) ?? []).length;
  const param = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pool) },
    { weight: 3, arbitrary: junk },
    {
      weight: 1,
      arbitrary: fc.constantFrom('visits', 'outcomes', 'follow-ups', 'complaints', '1', '0', '999999'),
    },
  );
  return fc.record({
    route: fc.constant(route),
    params: fc.array(param, { minLength: nParams, maxLength: nParams }),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), junk), {
      maxLength: 4,
    }),
    rawQuery: fc.option(
      fc.constantFrom('%E0%A4%A', '%%%', 'q=%ZZ', '&&&==', 'a[b][c]=1', 'q=' + '%41'.repeat(3000)),
      {
        freq: 10,
      },
    ),
    body:
      route.method === 'GET' || route.method === 'DELETE'
        ? fc.constant<Body>({ kind: 'none' })
        : bodyFor(route),
    auth: fc.constantFrom<'role' | 'none' | 'junk'>(...(Array(18).fill('role') as 'role'[]), 'none', 'junk'),
  });
}
