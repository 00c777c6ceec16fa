import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shared/api/types';
import { ageOn } from '@shared/customer/age';
import { startTestServer, type TestServer } from './harness';

/**
 * Property: whatever a role reads about a customer (profile, lookup, suggestions, activity), taken together,
 * leaves many candidates for the ID and phone number, so nobody derives a number without the logged reveal.
 * Candidates are counted by brute force: every birth date (the digits a 6+4 mask hides) whose ID has a valid check
 * digit and agrees with everything the responses show (a birth date, an age, an age band, the date in any format).
 */
const LOGIN: Partial<Record<Role, string>> = {
  teller: 'teller1',
  lobby: 'lobby1',
  rm: 'rm1',
  manager: 'manager1',
  admin: 'admin',
};
/** Roles that may reveal still may not derive: a teller's age-in-years leaves a year of birthdays (~33 IDs). */
const MIN_ID_CANDIDATES: Record<string, number> = { teller: 10, rm: 10, manager: 10, lobby: 100, admin: 100 };
const MIN_PHONE_CANDIDATES = 1000;
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

const checkChar = (first17: string): string =>
  CHECK[[...first17].reduce((s, ch, i) => s + Number(ch) * (WEIGHTS[i] as number), 0) % 11] as string;

interface Seen {
  texts: string[];
  idMasked: string | null;
  phoneMasked: string | null;
  birthDate: string | null;
  age: number | null;
  ageBand: { from: number; to: number | null } | null;
}

let dates: { now: number; list: { iso: string; compact: string; age: number }[] } | null = null;

/** Every calendar day of the last 120 years with the age it gives on `now` (computed once per test run). */
function datesBefore(now: number): { iso: string; compact: string; age: number }[] {
  if (dates?.now !== now) {
    const list = [];
    for (let t = now - 120 * 365.25 * DAY; t <= now; t += DAY) {
      const iso = new Date(t).toISOString().slice(0, 10);
      list.push({ iso, compact: iso.replaceAll('-', ''), age: ageOn(iso, now, TZ) });
    }
    dates = { now, list };
  }
  return dates.list;
}

/** Birth dates (YYYYMMDD) the ID's hidden digits could hold, given what was seen. */
function idCandidates(seen: Seen, now: number, truth: string): number {
  const m = seen.idMasked;
  if (!m) return Infinity;
  expect(m).toHaveLength(18);
  const hiddenOutsideDate = [...m].filter((ch, i) => ch === '*' && (i < 6 || i > 13)).length;
  const checkKnown = m[17] !== '*' && hiddenOutsideDate === 0;
  const all = seen.texts.join('\n');
  let n = 0;
  let truthSeen = false;
  for (const { iso, compact, age } of datesBefore(now)) {
    // The mask's visible date digits must agree.
    if ([...compact].some((d, i) => m[6 + i] !== '*' && m[6 + i] !== d)) continue;
    if (seen.birthDate !== null && seen.birthDate !== iso) continue;
    if (seen.age !== null && seen.age !== age) continue;
    if (seen.ageBand && (age < seen.ageBand.from || (seen.ageBand.to !== null && age > seen.ageBand.to)))
      continue;
    if (checkKnown && checkChar(m.slice(0, 6) + compact + m.slice(14, 17)) !== m[17]) continue;
    n += 1;
    if (m.slice(0, 6) + compact + m.slice(14) === truth) truthSeen = true;
    // A response that carries the date in any form pins it.
    if (all.includes(iso) || all.includes(compact)) return 1;
  }
  expect(truthSeen, `the real ID ${truth.slice(0, 6)}… is among the candidates`).toBe(true);
  return n * 10 ** hiddenOutsideDate;
}

/** Phones: nothing else in a reply narrows the digits the mask hides, so each hidden digit is a factor of 10. */
function phoneCandidates(seen: Seen, fullPhone: string): number {
  if (seen.texts.some((t) => t.includes(fullPhone))) return 1;
  return 10 ** [...(seen.phoneMasked ?? '')].filter((c) => c === '*').length;
}

function collect(bodies: unknown[]): Seen {
  const seen: Seen = {
    texts: bodies.map((b) => JSON.stringify(b)),
    idMasked: null,
    phoneMasked: null,
    birthDate: null,
    age: null,
    ageBand: null,
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    // A customer record's own age fields (elsewhere `age` may be a count, e.g. exclusions by reason).
    const record = 'customerNo' in v;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'idMasked' && typeof x === 'string') seen.idMasked = x;
      if (k === 'phoneMasked' && typeof x === 'string') seen.phoneMasked = x;
      if (/birth/i.test(k) && typeof x === 'string') seen.birthDate = x;
      if (record && k === 'age' && typeof x === 'number') seen.age = x;
      if (record && k === 'ageBand' && x && typeof x === 'object') seen.ageBand = x as Seen['ageBand'];
      walk(x);
    }
  };
  bodies.forEach(walk);
  return seen;
}

let s: TestServer;
const tokens: Record<string, string> = {};
let now = 0;
let customers: { id: string; customerNo: string; fullId: string; fullPhone: string | null }[] = [];

beforeAll(async () => {
  s = await startTestServer();
  // The reveals below fetch the test's known values (24 of them): above the default per-staff reveal limit.
  const cur = s.ctx.settings.current().config;
  s.ctx.settings.save(
    { ...cur, security: { ...cur.security, revealsPerWindow: 200 } },
    null,
    'test',
    Date.now(),
  );
  s.ctx.invalidateRules();
  now = Date.now();
  for (const [role, user] of Object.entries(LOGIN)) tokens[role] = await s.login(user);
  const rows = s.ctx.store.sqlite
    .prepare(
      "SELECT id, customer_no FROM customers WHERE kind = 'individual' AND id_enc IS NOT NULL ORDER BY id LIMIT 12",
    )
    .all() as { id: string; customer_no: string }[];
  customers = [];
  for (const r of rows) {
    const reveal = async (field: 'id' | 'phone') => {
      const res = await s.post(
        `/api/customers/${r.id}/reveal`,
        { field, reason: '测试核对' },
        tokens.manager,
      );
      return res.status === 200 ? ((await res.json()) as { value: string }).value : null;
    };
    customers.push({
      id: r.id,
      customerNo: r.customer_no,
      fullId: (await reveal('id')) as string,
      fullPhone: await reveal('phone'),
    });
  }
  expect(customers.length).toBeGreaterThan(5);
});
afterAll(async () => {
  await s.stop();
});

describe('no customer read lets a role derive an ID or phone number', () => {
  for (const role of Object.keys(LOGIN)) {
    it(`${role}: profile, lookup, suggestions and activity together leave many candidates`, async () => {
      const token = tokens[role] as string;
      for (const c of customers) {
        const reads = [
          `/api/customers/${c.id}`,
          `/api/customers/lookup?q=${encodeURIComponent(c.customerNo)}`,
          `/api/customers/${c.id}/suggestions`,
          `/api/customers/${c.id}/activity`,
        ];
        const bodies: unknown[] = [];
        for (const path of reads) {
          const res = await s.get(path, token);
          if (res.status === 200) bodies.push(await res.json());
        }
        const seen = collect(bodies);
        expect(seen.birthDate, 'no birth date in any reply').toBeNull();
        expect(seen.texts.join('\n')).not.toContain(c.fullId);
        expect(idCandidates(seen, now, c.fullId)).toBeGreaterThanOrEqual(MIN_ID_CANDIDATES[role] as number);
        if (c.fullPhone)
          expect(phoneCandidates(seen, c.fullPhone)).toBeGreaterThanOrEqual(MIN_PHONE_CANDIDATES);
      }
    });
  }

  it('lobby and admin (who may not reveal) get an age band, not the age', async () => {
    const c = customers[0] as (typeof customers)[number];
    for (const role of ['lobby', 'admin']) {
      const p = (await (await s.get(`/api/customers/${c.id}`, tokens[role])).json()) as Record<
        string,
        unknown
      >;
      expect(p.age).toBeNull();
      expect(p.ageBand).toMatchObject({ from: expect.any(Number) as number });
    }
    const t = (await (await s.get(`/api/customers/${c.id}`, tokens.teller)).json()) as Record<
      string,
      unknown
    >;
    expect(t.age).toEqual(expect.any(Number));
  });
});
