import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../../../shared/customer/config';
import { AUM_PRODUCT_TYPES, type Lifecycle, type ProductType } from '../../../shared/customer/enums';
import { validateBankCard, validateMobile, validateResidentId } from '../../../shared/customer/ids';
import { deriveLifecycle } from '../../../shared/customer/lifecycle';
import { classifyTier, type TierKey } from '../../../shared/customer/tier';
import { defaultProducts } from '../../../shared/suggest/catalogue';
import {
  creditCodeFor,
  demoCustomerNo,
  demoShowcase,
  generateCustomers,
  MAX_DEMO_CUSTOMERS,
  SHOWCASE,
  SHOWCASE_COUNT,
  type DemoCustomer,
} from './generate';
import {
  CREDIT_BINS,
  DEBIT_BINS,
  PHONE_PREFIXES,
  REGIONS,
  SHOWCASE_PHONE_PREFIX,
  SHOWCASE_REGION_CODES,
} from './names';
import { feistelKeys, permute8 } from './random';

const NOW = Date.UTC(2026, 10, 23, 2); // 2026-11-23 10:00 in the branch (UTC+8)
const SEED = 20261123;
const DAY = 86_400_000;
const bands = defaultCustomerConfig.tiers;
const AUM_TYPES = new Set<ProductType>(AUM_PRODUCT_TYPES);
const PRODUCTS = new Map(defaultProducts.map((p) => [p.code, p]));

const take = (count: number, seed = SEED, now = NOW): DemoCustomer[] => [
  ...generateCustomers({ count, seed, now }),
];
const aumOf = (c: DemoCustomer): number =>
  c.holdings.reduce((sum, h) => sum + (AUM_TYPES.has(h.productType) ? h.balanceFen : 0), 0);
const tierOf = (c: DemoCustomer): TierKey => classifyTier(aumOf(c), bands).tier;
/** Whole years on NOW in the branch's calendar, without Intl. */
const ageOf = (birthDate: string): number => {
  const today = new Date(NOW + 8 * 3_600_000).toISOString().slice(0, 10);
  const [by, bmd] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  return Number(today.slice(0, 4)) - by - (today.slice(5) < bmd ? 1 : 0);
};
const share = (xs: DemoCustomer[], f: (c: DemoCustomer) => boolean): number =>
  xs.filter(f).length / xs.length;

describe('determinism', () => {
  it('gives identical customers for the same count, seed and now', () => {
    expect(take(1000)).toEqual(take(1000));
  });

  it('gives a different branch for a different seed, with the same showcase', () => {
    const a = take(1000, SEED);
    const b = take(1000, SEED + 1);
    expect(a.slice(0, SHOWCASE_COUNT)).toEqual(b.slice(0, SHOWCASE_COUNT));
    const same = a
      .slice(SHOWCASE_COUNT)
      .filter((c, i) => c.name === b[i + SHOWCASE_COUNT]?.name && c.phone === b[i + SHOWCASE_COUNT]?.phone);
    expect(same.length).toBeLessThan(10);
  });

  it('gives the same customer at an index whatever the count (but the last may lose its link)', () => {
    const long = take(600);
    const short = take(300);
    expect(short.slice(0, 299)).toEqual(long.slice(0, 299));
    const last = short[299] as DemoCustomer;
    expect({ ...last, linkedCustomerNo: null }).toEqual({ ...long[299], linkedCustomerNo: null });
  });

  it('is lazy: the first customers come without generating the rest', () => {
    const it = generateCustomers({ count: MAX_DEMO_CUSTOMERS, seed: SEED, now: NOW });
    const first = it.next();
    expect(first.done).toBe(false);
    expect((first.value as DemoCustomer).customerNo).toBe('C100000001');
  });

  it('rejects counts, seeds and clocks it cannot honour', () => {
    expect(() => take(-1)).toThrow(RangeError);
    expect(() => take(1.5)).toThrow(RangeError);
    expect(() => take(MAX_DEMO_CUSTOMERS + 1)).toThrow(RangeError);
    expect(() => take(1, 0.5)).toThrow(RangeError);
    expect(() => take(1, SEED, Number.NaN)).toThrow(RangeError);
    expect(take(0)).toEqual([]);
  });
});

describe('50,000 customers', () => {
  const N = 50_000;
  let all: DemoCustomer[] = [];
  let people: DemoCustomer[] = [];
  let corporates: DemoCustomer[] = [];
  beforeAll(() => {
    all = take(N);
    people = all.filter((c) => c.kind === 'individual');
    corporates = all.filter((c) => c.kind === 'corporate');
  });

  it('numbers customers C100000001… in order', () => {
    all.forEach((c, i) => {
      expect(c.customerNo).toMatch(/^C\d{9}$/);
      expect(c.customerNo).toBe(`C${100_000_001 + i}`);
    });
    expect(demoCustomerNo(MAX_DEMO_CUSTOMERS - 1)).toBe('C200000000');
  });

  it('issues valid resident IDs that agree with birth date and gender, some ending in X', () => {
    for (const c of people) {
      const r = validateResidentId(c.idNumber as string, NOW);
      expect(r.ok, c.idNumber ?? '').toBe(true);
      if (!r.ok) continue;
      expect(r.birthDate).toBe(c.birthDate);
      expect(r.gender).toBe(c.gender);
    }
    const x = share(people, (c) => (c.idNumber as string).endsWith('X'));
    expect(x).toBeGreaterThan(0.07);
    expect(x).toBeLessThan(0.12);
  });

  it('issues valid phones and Luhn-valid 16–19 digit cards from the listed BINs', () => {
    const bins = new Set([...DEBIT_BINS, ...CREDIT_BINS]);
    for (const c of all) {
      expect(validateMobile(c.phone).ok, c.phone).toBe(true);
      expect(c.cards.length).toBeLessThanOrEqual(3);
      for (const card of c.cards) {
        expect(validateBankCard(card).ok, card).toBe(true);
        expect(card.length).toBeGreaterThanOrEqual(16);
        expect(card.length).toBeLessThanOrEqual(19);
        if (!c.customerNo.startsWith('C10000000')) expect(bins.has(card.slice(0, 6))).toBe(true);
      }
    }
    expect(share(people, (c) => c.cards.length === 0)).toBeGreaterThan(0);
    expect(share(people, (c) => c.cards.length === 3)).toBeGreaterThan(0);
  });

  it('never repeats a customer number, ID, phone or card', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(all.map((c) => c.customerNo))).toBe(true);
    expect(unique(people.map((c) => c.idNumber as string))).toBe(true);
    expect(unique(all.map((c) => c.phone))).toBe(true);
    expect(unique(all.flatMap((c) => c.cards))).toBe(true);
    expect(unique(corporates.map((c) => c.creditCode as string))).toBe(true);
  });

  it('keeps kind-specific fields apart', () => {
    for (const c of people) {
      expect(c.corporateType).toBeNull();
      expect(c.corporateGrade).toBeNull();
      expect(c.creditCode).toBeNull();
      expect(c.gender).not.toBeNull();
    }
    for (const c of corporates) {
      expect(c.corporateType).not.toBeNull();
      expect(c.corporateGrade).not.toBeNull();
      expect(c.creditCode).toMatch(/^(91|11|12)\d{6}\d{8}[\dX][0-9A-HJ-NP-RTUW-Y]$/);
      expect([c.idNumber, c.birthDate, c.gender]).toEqual([null, null, null]);
      expect(c.cards).toEqual([]);
      expect(c.segments).toEqual([]);
    }
  });

  it('is about 3% corporate, 5% strategic and 20% key', () => {
    const corp = corporates.length / all.length;
    expect(corp).toBeGreaterThan(0.025);
    expect(corp).toBeLessThan(0.035);
    expect(share(corporates, (c) => c.corporateGrade === 'strategic')).toBeCloseTo(0.05, 1);
    expect(share(corporates, (c) => c.corporateGrade === 'key')).toBeCloseTo(0.2, 1);
    expect(share(corporates, (c) => c.corporateType === 'enterprise')).toBeGreaterThan(0.7);
    expect(new Set(corporates.map((c) => c.corporateType)).size).toBe(4);
  });

  it('links every corporate customer to an individual who links back (公私联动)', () => {
    const byNo = new Map(all.map((c) => [c.customerNo, c]));
    for (const c of corporates) {
      const owner = byNo.get(c.linkedCustomerNo as string);
      expect(owner?.kind).toBe('individual');
      expect(owner?.linkedCustomerNo).toBe(c.customerNo);
    }
    for (const c of people.filter((p) => p.linkedCustomerNo)) {
      expect(byNo.get(c.linkedCustomerNo as string)?.linkedCustomerNo).toBe(c.customerNo);
    }
    const owners = people.filter((p) => p.linkedCustomerNo);
    expect(owners.length).toBe(corporates.length);
    expect(share(owners, (o) => ['high', 'private'].includes(tierOf(o)))).toBeGreaterThan(0.4);
    const businessOwners = owners.filter((o) => {
      const t = byNo.get(o.linkedCustomerNo as string)?.corporateType;
      return t === 'enterprise' || t === 'financial';
    });
    expect(businessOwners.every((o) => o.segments.includes('executive'))).toBe(true);
  });

  it('has ages 18–92 with about 22% aged 60 or older', () => {
    const ages = people.map((c) => ageOf(c.birthDate as string));
    expect(Math.min(...ages)).toBe(18);
    expect(Math.max(...ages)).toBe(92);
    const elderly = ages.filter((a) => a >= 60).length / ages.length;
    expect(elderly).toBeGreaterThan(0.19);
    expect(elderly).toBeLessThan(0.25);
    expect(share(people, (c) => c.gender === 'F')).toBeCloseTo(0.5, 1);
  });

  it('has the five tiers in the 45/25/20/8.5/1.5 shape', () => {
    const counts: Record<TierKey, number> = { potential: 0, effective: 0, mid: 0, high: 0, private: 0 };
    for (const c of people) counts[tierOf(c)] += 1;
    const n = people.length;
    expect(counts.potential / n).toBeCloseTo(0.45, 1);
    expect(Math.abs(counts.potential / n - 0.45)).toBeLessThan(0.015);
    expect(Math.abs(counts.effective / n - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(counts.mid / n - 0.2)).toBeLessThan(0.015);
    expect(Math.abs(counts.high / n - 0.085)).toBeLessThan(0.008);
    expect(Math.abs(counts.private / n - 0.015)).toBeLessThan(0.003);
  });

  it('follows 80/20: the top fifth of customers hold at least 80% of AUM', () => {
    for (const group of [people.slice(0, 20_000), all]) {
      const aums = group.map(aumOf).sort((a, b) => b - a);
      const total = aums.reduce((a, b) => a + b, 0);
      const top = aums.slice(0, Math.floor(aums.length / 5)).reduce((a, b) => a + b, 0);
      expect(top / total).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('assigns segments consistently with age, gender, tier and region', () => {
    const rural = new Set(REGIONS.filter((r) => r.rural).map((r) => r.code));
    for (const c of people) {
      const age = ageOf(c.birthDate as string);
      expect(c.segments.includes('elderly')).toBe(age >= defaultCustomerConfig.elderlyAge);
      if (c.segments.includes('women')) {
        expect(c.gender).toBe('F');
        expect(aumOf(c)).toBeGreaterThanOrEqual(bands[1]?.minFen as number);
      }
    }
    for (const s of ['executive', 'elderly', 'merchant', 'women', 'rural'] as const) {
      expect(
        share(people, (c) => c.segments.includes(s)),
        s,
      ).toBeGreaterThan(0.01);
    }
    const ruralPeople = people.filter((c) => c.segments.includes('rural'));
    expect(share(ruralPeople, (c) => rural.has((c.idNumber as string).slice(0, 6)))).toBeGreaterThan(0.8);
    expect(share(people, (c) => c.segments.length >= 2)).toBeGreaterThan(0.02);
  });

  it('covers every lifecycle stage with consistent dates', () => {
    const stages = new Map<Lifecycle, number>();
    for (const c of all) {
      const stage = deriveLifecycle(c, NOW, defaultCustomerConfig.lifecycle);
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      expect(c.createdAt).toBeLessThanOrEqual(NOW);
      for (const t of [c.lastVisitAt, c.lastTxnAt]) {
        if (t === null) continue;
        expect(t).toBeGreaterThanOrEqual(c.createdAt);
        expect(t).toBeLessThanOrEqual(NOW);
      }
      if (c.birthDate) expect(c.createdAt).toBeGreaterThan(Date.parse(c.birthDate) + 15 * 365 * DAY);
    }
    for (const s of ['new', 'active', 'low_frequency', 'dormant', 'churned'] as const) {
      expect((stages.get(s) ?? 0) / all.length, s).toBeGreaterThan(0.015);
    }
    expect((stages.get('active') ?? 0) / all.length).toBeGreaterThan(0.35);
  });

  it('assesses risk for about 75%, some of it expired, and has about 80% marketing consent', () => {
    const never = share(people, (c) => c.riskLevel === null);
    expect(never).toBeGreaterThan(0.2);
    expect(never).toBeLessThan(0.3);
    const assessed = all.filter((c) => c.riskLevel !== null);
    for (const c of assessed) {
      expect(c.riskLevel).toBeGreaterThanOrEqual(1);
      expect(c.riskLevel).toBeLessThanOrEqual(5);
      expect(c.riskAssessedAt).toBeGreaterThanOrEqual(c.createdAt);
      expect(c.riskAssessedAt).toBeLessThanOrEqual(NOW);
    }
    for (const c of all.filter((x) => x.riskLevel === null)) expect(c.riskAssessedAt).toBeNull();
    const expired = share(assessed, (c) => NOW - (c.riskAssessedAt as number) > 365 * DAY);
    expect(expired).toBeGreaterThan(0.1);
    expect(expired).toBeLessThan(0.6);
    expect(new Set(assessed.map((c) => c.riskLevel)).size).toBe(5);
    expect(share(all, (c) => c.marketingConsent)).toBeCloseTo(0.8, 1);
    expect(new Set(all.map((c) => c.relationshipType)).size).toBe(4);
  });

  it('holds 1–5 products from the catalogue, within its rules', () => {
    const asOf = Date.UTC(2026, 10, 23) - 8 * 3_600_000;
    for (const c of all) {
      expect(c.holdings.length).toBeGreaterThanOrEqual(1);
      expect(c.holdings.length).toBeLessThanOrEqual(5);
      expect(c.holdings[0]?.productType).toBe('demand_deposit');
      const tier = tierOf(c);
      const age = c.birthDate ? ageOf(c.birthDate) : null;
      const codes = new Set<string>();
      for (const h of c.holdings) {
        expect(Number.isSafeInteger(h.balanceFen) && h.balanceFen >= 0).toBe(true);
        expect(h.asOf).toBe(asOf);
        if (h.productCode === null) {
          expect(h.productType).toBe('demand_deposit');
          continue;
        }
        expect(codes.has(h.productCode), `${c.customerNo} ${h.productCode} twice`).toBe(false);
        codes.add(h.productCode);
        const p = PRODUCTS.get(h.productCode);
        const where = `${c.customerNo} ${h.productCode}`;
        expect(p, where).toBeDefined();
        if (!p) continue;
        expect(p.type, where).toBe(h.productType);
        expect(p.kinds, where).toContain(c.kind);
        if (p.riskLevel !== null) expect(c.riskLevel ?? 0, where).toBeGreaterThanOrEqual(p.riskLevel);
        if (p.tiers) expect(p.tiers, where).toContain(tier);
        // Market value may drift a little below the purchase minimum.
        if (p.minAmountFen && AUM_TYPES.has(p.type))
          expect(h.balanceFen, where).toBeGreaterThanOrEqual(p.minAmountFen * 0.9);
        if (age !== null && p.minAge !== undefined) expect(age, where).toBeGreaterThanOrEqual(p.minAge);
        if (age !== null && p.maxAge !== undefined) expect(age, where).toBeLessThanOrEqual(p.maxAge);
        if (p.code === 'LOAN_SPRING') expect(c.segments).toContain('rural');
        if (p.code === 'LOAN_MERCHANT')
          expect(c.segments.some((s) => s === 'merchant' || s === 'executive')).toBe(true);
      }
      expect(c.holdings.some((h) => h.productType === 'credit_card')).toBe(
        c.cards.some((card) => card.length === 16),
      );
    }
    const types = new Set(all.flatMap((c) => c.holdings.map((h) => h.productType)));
    for (const t of [
      'credit_card',
      'consumer_loan',
      'mortgage',
      'microloan',
      'e_banking',
      'payroll',
      'trust',
      'insurance',
      'fund',
    ] as const) {
      expect(types.has(t), t).toBe(true);
    }
    for (const h of all.flatMap((c) => c.holdings)) {
      if (['e_banking', 'payroll', 'pos', 'agency'].includes(h.productType)) expect(h.balanceFen).toBe(0);
    }
  });

  it('gives realistic names', () => {
    for (const c of people) expect(c.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    for (const c of corporates) expect(c.name).toMatch(/^\p{Script=Han}{5,}$/u);
    const surnames = new Map<string, number>();
    for (const c of people) surnames.set(c.name[0] as string, (surnames.get(c.name[0] as string) ?? 0) + 1);
    const top = [...surnames.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([s]) => s);
    expect(top).toContain('王');
    expect(top).toContain('李');
    expect(new Set(people.map((c) => c.name)).size).toBeGreaterThan(people.length / 4);
  });
});

describe('showcase', () => {
  const first = take(12);
  const entries = Object.values(SHOWCASE);

  it('is the first seven customers, matching the documented constants', () => {
    expect(entries.map((e) => e.customerNo)).toEqual(first.slice(0, 7).map((c) => c.customerNo));
    expect(demoShowcase(NOW)).toEqual(first.slice(0, 7));
    entries.forEach((e, i) => {
      const c = first[i] as DemoCustomer;
      expect({
        kind: c.kind,
        name: c.name,
        idNumber: c.idNumber,
        creditCode: c.creditCode,
        phone: c.phone,
      }).toEqual({
        kind: e.kind,
        name: e.name,
        idNumber: e.idNumber,
        creditCode: e.creditCode,
        phone: e.phone,
      });
      if (e.card === null) expect(c.cards).toEqual([]);
      else expect(c.cards).toContain(e.card);
      expect(aumOf(c)).toBe(e.aumFen);
      expect(tierOf(c)).toBe(e.tier);
    });
  });

  it('has valid numbers, in a corner of each number space the generator never uses', () => {
    expect(PHONE_PREFIXES.map(([p]) => p)).not.toContain(SHOWCASE_PHONE_PREFIX);
    expect(REGIONS.map((r) => r.code)).not.toContain(SHOWCASE_REGION_CODES[0]);
    expect(REGIONS.map((r) => r.code)).not.toContain(SHOWCASE_REGION_CODES[1]);
    for (const c of first.slice(0, 7)) {
      expect(c.phone.startsWith(SHOWCASE_PHONE_PREFIX)).toBe(true);
      if (c.idNumber) {
        expect(validateResidentId(c.idNumber, NOW).ok).toBe(true);
        expect(SHOWCASE_REGION_CODES).toContain(c.idNumber.slice(0, 6));
      }
      for (const card of c.cards) {
        expect(validateBankCard(card).ok).toBe(true);
        expect(card[card.length === 19 ? 9 : 6]).toBe('9');
      }
    }
    const corp = SHOWCASE.corporate;
    expect(creditCodeFor('enterprise', '330106', 57284613)).toBe(corp.creditCode);
  });

  it('shows what the UI relies on', () => {
    const [priv, potential, elderly, effective, rural, corp, merchant] = first as [
      DemoCustomer,
      DemoCustomer,
      DemoCustomer,
      DemoCustomer,
      DemoCustomer,
      DemoCustomer,
      DemoCustomer,
    ];
    expect(priv.segments).toContain('executive');
    expect(priv.linkedCustomerNo).toBe(SHOWCASE.corporate.customerNo);
    expect(corp.linkedCustomerNo).toBe(SHOWCASE.private.customerNo);
    expect(corp.corporateGrade).toBe('strategic');
    expect(corp.corporateType).toBe('enterprise');
    expect(potential.riskLevel).toBeNull();
    expect(aumOf(potential)).toBe(300_000);
    expect(deriveLifecycle(potential, NOW, defaultCustomerConfig.lifecycle)).toBe('new');
    expect(ageOf(elderly.birthDate as string)).toBe(72);
    expect(elderly.gender).toBe('F');
    expect(elderly.segments).toEqual(['elderly', 'women']);
    expect(classifyTier(aumOf(effective), bands).next?.gapFen).toBe(320_000);
    expect(rural.segments).toContain('rural');
    expect(['potential', 'effective']).toContain(tierOf(rural));
    expect(merchant.segments).toContain('merchant');
    expect(tierOf(merchant)).toBe('high');
  });

  it('drops links to customers beyond the count', () => {
    const three = take(3);
    expect(three.map((c) => c.customerNo)).toEqual(['C100000001', 'C100000002', 'C100000003']);
    expect(three[0]?.linkedCustomerNo).toBeNull();
    expect(take(6)[0]?.linkedCustomerNo).toBe('C100000006');
  });
});

describe('permute8', () => {
  it('is a bijection on a window of [0, 10^8)', () => {
    const keys = feistelKeys(SEED, 2);
    const seen = new Set<number>();
    let outOfRange = 0;
    for (let x = 0; x < 200_000; x++) {
      const y = permute8(x, keys);
      if (!(Number.isInteger(y) && y >= 0 && y < 100_000_000)) outOfRange += 1;
      seen.add(y);
    }
    expect(outOfRange).toBe(0);
    expect(seen.size).toBe(200_000);
  });
});

describe('speed', () => {
  it('generates 100,000 customers in well under 2 s', () => {
    const t0 = performance.now();
    let n = 0;
    for (const c of generateCustomers({ count: 100_000, seed: SEED, now: NOW }))
      n += c.holdings.length > 0 ? 1 : 0;
    const ms = performance.now() - t0;
    expect(n).toBe(100_000);
    expect(ms).toBeLessThan(2000);
  });
});
