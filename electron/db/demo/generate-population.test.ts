import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../../../shared/customer/config';
import {
  LIFECYCLES,
  PRODUCT_TYPES,
  SEGMENTS,
  type Lifecycle,
  type ProductType,
} from '../../../shared/customer/enums';
import { validateBankCard, validateMobile, validateResidentId } from '../../../shared/customer/ids';
import { deriveLifecycle } from '../../../shared/customer/lifecycle';
import type { TierKey } from '../../../shared/customer/tier';
import { defaultProducts } from '../../../shared/suggest/catalogue-data';
import { demoCustomerNo, MAX_DEMO_CUSTOMERS, SHOWCASE_COUNT, type DemoCustomer } from './generate';
import { ageOf, AUM_TYPES, aumOf, bands, NOW, take, tierOf } from './generate.fixtures';
import { CREDIT_BINS, DEBIT_BINS, REGIONS } from './names';

const DAY = 86_400_000;
const PRODUCTS = new Map(defaultProducts.map((p) => [p.code, p]));
const share = (xs: DemoCustomer[], f: (c: DemoCustomer) => boolean): number =>
  xs.filter(f).length / xs.length;
const ZERO_BALANCE_TYPES = new Set<ProductType>(['e_banking', 'payroll', 'pos', 'agency']);

/**
 * Runs the checks on every item and lists the first failures as "item: check #n" (one expect()
 * per item and check would take most of a minute on 50,000 customers).
 */
function problems<T>(xs: readonly T[], checks: (x: T, i: number) => boolean[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < xs.length && out.length < 10; i++) {
    const x = xs[i] as T;
    checks(x, i).forEach((ok, n) => {
      if (!ok) out.push(`${JSON.stringify(x).slice(0, 300)}: check #${n}`);
    });
  }
  return out;
}

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
  afterAll(() => {
    all = people = corporates = [];
  });

  it('numbers customers C100000001… in order', () => {
    expect(
      problems(all, (c, i) => [c.customerNo === `C${100_000_001 + i}` && /^C\d{9}$/.test(c.customerNo)]),
    ).toEqual([]);
    expect(demoCustomerNo(MAX_DEMO_CUSTOMERS - 1)).toBe('C200000000');
  });

  it('issues valid resident IDs that agree with birth date and gender, some ending in X', () => {
    const bad = problems(people, (c) => {
      const r = validateResidentId(c.idNumber as string, NOW);
      return [r.ok, r.ok && r.birthDate === c.birthDate, r.ok && r.gender === c.gender];
    });
    expect(bad).toEqual([]);
    const x = share(people, (c) => (c.idNumber as string).endsWith('X'));
    expect(x).toBeGreaterThan(0.07);
    expect(x).toBeLessThan(0.12);
  });

  it('issues valid phones and Luhn-valid 16–19 digit cards from the listed BINs', () => {
    const bins = new Set([...DEBIT_BINS, ...CREDIT_BINS]);
    const random = all.slice(SHOWCASE_COUNT);
    expect(problems(all, (c) => [validateMobile(c.phone).ok, c.cards.length <= 3])).toEqual([]);
    const cards = random.flatMap((c) => c.cards);
    expect(
      problems(cards, (card) => [
        validateBankCard(card).ok,
        card.length === 16 || card.length === 19,
        bins.has(card.slice(0, 6)),
      ]),
    ).toEqual([]);
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
    expect(
      problems(people, (c) => [
        c.corporateType === null,
        c.corporateGrade === null,
        c.creditCode === null,
        c.gender !== null,
      ]),
    ).toEqual([]);
    expect(
      problems(corporates, (c) => [
        c.corporateType !== null && c.corporateGrade !== null,
        /^(91|11|12)\d{6}\d{8}[\dX][0-9A-HJ-NP-RTUW-Y]$/.test(c.creditCode as string),
        c.idNumber === null && c.birthDate === null && c.gender === null,
        c.cards.length === 0 && c.segments.length === 0,
      ]),
    ).toEqual([]);
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
    const linked = all.filter((c) => c.linkedCustomerNo !== null);
    expect(
      problems(linked, (c) => {
        const other = byNo.get(c.linkedCustomerNo as string);
        return [other?.linkedCustomerNo === c.customerNo, other?.kind !== c.kind];
      }),
    ).toEqual([]);
    expect(corporates.every((c) => c.linkedCustomerNo !== null)).toBe(true);
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
    const minEffective = bands[1]?.minFen as number;
    expect(
      problems(people, (c) => [
        c.segments.includes('elderly') === ageOf(c.birthDate as string) >= defaultCustomerConfig.elderlyAge,
        !c.segments.includes('women') || (c.gender === 'F' && aumOf(c) >= minEffective),
        SEGMENTS.filter((s) => c.segments.includes(s)).join() === c.segments.join(),
      ]),
    ).toEqual([]);
    for (const s of SEGMENTS)
      expect(
        share(people, (c) => c.segments.includes(s)),
        s,
      ).toBeGreaterThan(0.01);
    const ruralPeople = people.filter((c) => c.segments.includes('rural'));
    expect(share(ruralPeople, (c) => rural.has((c.idNumber as string).slice(0, 6)))).toBeGreaterThan(0.8);
    expect(share(people, (c) => c.segments.length >= 2)).toBeGreaterThan(0.02);
  });

  it('covers every lifecycle stage with consistent dates', () => {
    const stages = new Map<Lifecycle, number>();
    for (const c of all) {
      const stage = deriveLifecycle(c, NOW, defaultCustomerConfig.lifecycle);
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
    }
    expect(
      problems(all, (c) => [
        c.createdAt <= NOW,
        c.lastVisitAt === null || (c.lastVisitAt >= c.createdAt && c.lastVisitAt <= NOW),
        c.lastTxnAt === null || (c.lastTxnAt >= c.createdAt && c.lastTxnAt <= NOW),
        c.birthDate === null || c.createdAt > Date.parse(c.birthDate) + 15 * 365 * DAY,
      ]),
    ).toEqual([]);
    for (const s of LIFECYCLES) expect((stages.get(s) ?? 0) / all.length, s).toBeGreaterThan(0.015);
    expect((stages.get('active') ?? 0) / all.length).toBeGreaterThan(0.35);
  });

  it('assesses risk for about 75%, some of it expired, and has about 80% marketing consent', () => {
    const never = share(people, (c) => c.riskLevel === null);
    expect(never).toBeGreaterThan(0.2);
    expect(never).toBeLessThan(0.3);
    expect(
      problems(all, (c) =>
        c.riskLevel === null
          ? [c.riskAssessedAt === null]
          : [c.riskAssessedAt !== null && c.riskAssessedAt >= c.createdAt && c.riskAssessedAt <= NOW],
      ),
    ).toEqual([]);
    const assessed = all.filter((c) => c.riskLevel !== null);
    const expired = share(assessed, (c) => NOW - (c.riskAssessedAt as number) > 365 * DAY);
    expect(expired).toBeGreaterThan(0.1);
    expect(expired).toBeLessThan(0.6);
    expect([...new Set(assessed.map((c) => c.riskLevel))].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(share(all, (c) => c.marketingConsent)).toBeCloseTo(0.8, 1);
    expect(new Set(all.map((c) => c.relationshipType)).size).toBe(4);
  });

  it('holds 1–5 products from the catalogue, within its rules', () => {
    const asOf = Date.UTC(2026, 10, 23) - 8 * 3_600_000;
    const bad = problems(all, (c) => {
      const tier = tierOf(c);
      const age = c.birthDate ? ageOf(c.birthDate) : null;
      const codes = c.holdings.map((h) => h.productCode).filter((x) => x !== null);
      const checks = [
        c.holdings.length >= 1 && c.holdings.length <= 5,
        c.holdings[0]?.productType === 'demand_deposit',
        new Set(codes).size === codes.length,
        c.holdings.some((h) => h.productType === 'credit_card') ===
          c.cards.some((card) => card.length === 16),
      ];
      for (const h of c.holdings) {
        checks.push(Number.isSafeInteger(h.balanceFen) && h.balanceFen >= 0 && h.asOf === asOf);
        if (ZERO_BALANCE_TYPES.has(h.productType)) checks.push(h.balanceFen === 0);
        if (h.productCode === null) {
          checks.push(h.productType === 'demand_deposit');
          continue;
        }
        const p = PRODUCTS.get(h.productCode);
        if (!p) return [false];
        checks.push(
          p.type === h.productType,
          p.kinds.includes(c.kind),
          p.riskLevel === null || (c.riskLevel ?? 0) >= p.riskLevel,
          !p.tiers || p.tiers.includes(tier),
          // Market value may drift a little below the purchase minimum.
          !p.minAmountFen || !AUM_TYPES.has(p.type) || h.balanceFen >= p.minAmountFen * 0.9,
          age === null || ((p.minAge ?? 0) <= age && age <= (p.maxAge ?? 200)),
          p.code !== 'LOAN_SPRING' || c.segments.includes('rural'),
          p.code !== 'LOAN_MERCHANT' || c.segments.includes('merchant') || c.segments.includes('executive'),
        );
      }
      return checks;
    });
    expect(bad).toEqual([]);
    const types = new Set(all.flatMap((c) => c.holdings.map((h) => h.productType)));
    expect(PRODUCT_TYPES.filter((t) => !types.has(t))).toEqual([]);
  });

  it('gives realistic names', () => {
    expect(problems(people, (c) => [/^\p{Script=Han}{2,4}$/u.test(c.name)])).toEqual([]);
    expect(problems(corporates, (c) => [/^\p{Script=Han}{5,}$/u.test(c.name)])).toEqual([]);
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
