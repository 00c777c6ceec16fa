import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactAllowed } from '../outreach/contact';
import { CONSENT_PURPOSES, effectiveConsent, type ConsentEvent } from './consent';

const T0 = Date.UTC(2026, 10, 1);
const eventArb = fc.record({
  id: fc.uuid(),
  customerId: fc.constant('c1'),
  purpose: fc.constantFrom(...CONSENT_PURPOSES),
  granted: fc.boolean(),
  scope: fc.constant('all'),
  channel: fc.constantFrom('counter' as const, 'pad' as const),
  textVersion: fc.constant('2026-12'),
  signed: fc.boolean(),
  note: fc.constant(null),
  staffId: fc.constant('s1'),
  at: fc.integer({ min: T0, max: T0 + 30 * 86_400_000 }),
});

describe('what stands per purpose', () => {
  it('defaults: marketing from the import, suggestions allowed, corporate sharing not given', () => {
    const e = effectiveConsent([], { marketing: true });
    expect([e.marketing.granted, e.marketing.source]).toEqual([true, 'import']);
    expect([e.suggestions.granted, e.suggestions.source]).toEqual([true, 'default']);
    expect([e.corporate_sharing.granted, e.corporate_sharing.source]).toEqual([false, 'default']);
  });

  it('the latest desk event wins over the import, whatever the order the events arrived in (converges)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), fc.boolean(), (events, imported) => {
        const a = effectiveConsent(events, { marketing: imported });
        const b = effectiveConsent([...events].reverse(), { marketing: imported });
        expect(b).toEqual(a);
        for (const p of CONSENT_PURPOSES) {
          const mine = events.filter((e) => e.purpose === p);
          if (mine.length === 0) continue;
          const last = mine.reduce((x, y) => (y.at > x.at || (y.at === x.at && y.id > x.id) ? y : x));
          expect(a[p].granted).toBe(last.granted);
          expect(a[p].event?.id).toBe(last.id);
        }
      }),
    );
  });

  it('marketing withdrawn last → no marketing outreach, however it stood before (property)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), fc.boolean(), (events, imported) => {
        const latest = Math.max(T0, ...events.map((e) => e.at));
        const withdrawal: ConsentEvent = {
          id: 'ffffffff-ffff-7fff-bfff-ffffffffffff',
          customerId: 'c1',
          purpose: 'marketing',
          granted: false,
          scope: 'all',
          channel: 'counter',
          textVersion: '2026-12',
          signed: false,
          note: null,
          staffId: 's1',
          at: latest + 1,
        };
        const e = effectiveConsent([...events, withdrawal], { marketing: imported });
        const allowed = contactAllowed({ doNotContact: false, marketing: e.marketing.granted }, 'marketing');
        expect(allowed.ok).toBe(false);
      }),
    );
  });
});
