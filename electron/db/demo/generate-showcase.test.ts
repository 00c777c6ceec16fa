import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../../../shared/customer/config';
import { validateBankCard, validateResidentId } from '../../../shared/customer/ids';
import { deriveLifecycle } from '../../../shared/customer/lifecycle';
import { classifyTier } from '../../../shared/customer/tier';
import { creditCodeFor, demoShowcase, SHOWCASE, type DemoCustomer } from './generate';
import { ageOf, aumOf, bands, NOW, take, tierOf } from './generate.fixtures';
import { PHONE_PREFIXES, REGIONS, SHOWCASE_PHONE_PREFIX, SHOWCASE_REGION_CODES } from './names';

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
