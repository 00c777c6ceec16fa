import { describe, expect, it } from 'vitest';
import type { HoConsentEvent, HoConsentFeed } from '@shared/api/headoffice-consent';
import type { ConsentEvent } from '@shared/customer/consent';
import { pullConsent } from './consent-pull';

const ev = (seq: number, customerNo: string): HoConsentEvent => ({
  seq,
  branchCode: 'B2',
  customerNo,
  row: {
    id: `0190000000000000000${seq}`,
    customer_id: 'their-id',
    purpose: 'marketing',
    granted: 0,
    scope: 'all',
    channel: 'counter',
    text_version: '2026-12',
    signed: 0,
    note: null,
    staff_id: 'their-staff',
    at: 1_700_000_000_000 + seq,
  },
});

function harness(pages: HoConsentFeed[]) {
  const state = new Map<string, string>();
  const stored = new Map<string, ConsentEvent>();
  const asked: number[] = [];
  return {
    state,
    stored,
    asked,
    deps: {
      fetch: (after: number) => {
        asked.push(after);
        return Promise.resolve(pages.shift() ?? { events: [], next: after });
      },
      state: (k: string) => state.get(k) ?? null,
      setState: (k: string, v: string) => void state.set(k, v),
      customerIdByNo: (no: string) => (no === 'C1' ? 'our-id' : undefined),
      adopt: (e: ConsentEvent) => {
        if (stored.has(e.id)) return false;
        stored.set(e.id, e);
        return true;
      },
      tx: <T>(fn: () => T) => fn(),
      now: () => 0,
    },
  };
}

describe('pulling other branches’ consent', () => {
  it('stores events for our customer under our id, passes over the others, keeps the settled cursor', async () => {
    const h = harness([{ events: [ev(5, 'C1'), ev(6, 'C9')], next: 5 }]);
    const r = await pullConsent(h.deps, 10);
    expect(r).toMatchObject({ received: 2, applied: 1, notHere: 1, next: 5 });
    expect([...h.stored.values()][0]?.customerId).toBe('our-id');
    expect(h.state.get('consent_seq')).toBe('5');
  });

  it('follows full pages while the cursor moves, and stops when it does not', async () => {
    const h = harness([
      { events: [ev(1, 'C1'), ev(2, 'C1')], next: 2 },
      { events: [ev(3, 'C1'), ev(4, 'C1')], next: 2 },
    ]);
    h.state.set('consent_seq', '0');
    const r = await pullConsent(h.deps, 2);
    expect(h.asked).toEqual([0, 2]);
    expect(r.applied).toBe(4);
    expect(r.next).toBe(2);
  });

  it('applying the same events again adds nothing', async () => {
    const page = { events: [ev(7, 'C1')], next: 0 };
    const h = harness([page, page]);
    expect((await pullConsent(h.deps)).applied).toBe(1);
    expect((await pullConsent(h.deps)).applied).toBe(0);
    expect(h.stored.size).toBe(1);
  });
});
