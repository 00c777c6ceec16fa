import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from './config';
import { deriveLifecycle } from './lifecycle';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 2, 0, 0);
const cfg = defaultCustomerConfig.lifecycle; // new 30, active 90, low 180, dormant 730
const OLD = NOW - 3000 * DAY;

const at = (daysAgo: number, extraMs = 0) => NOW - daysAgo * DAY - extraMs;

describe('deriveLifecycle', () => {
  it('is new while the relationship is at most newWithinDays old (inclusive), whatever the activity', () => {
    expect(deriveLifecycle({ createdAt: NOW, lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe('new');
    expect(deriveLifecycle({ createdAt: at(30), lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe('new');
    expect(deriveLifecycle({ createdAt: at(30, 1), lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe(
      'active',
    );
    expect(deriveLifecycle({ createdAt: at(10), lastVisitAt: at(1), lastTxnAt: at(2) }, NOW, cfg)).toBe(
      'new',
    );
  });

  it.each([
    [0, 0, 'active'],
    [90, 0, 'active'],
    [90, 1, 'low_frequency'],
    [180, 0, 'low_frequency'],
    [180, 1, 'dormant'],
    [730, 0, 'dormant'],
    [730, 1, 'churned'],
    [2000, 0, 'churned'],
  ] as const)('last activity %d days (+%d ms) ago is %s', (days, ms, expected) => {
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: at(days, ms), lastTxnAt: null }, NOW, cfg)).toBe(
      expected,
    );
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: null, lastTxnAt: at(days, ms) }, NOW, cfg)).toBe(
      expected,
    );
  });

  it('uses the later of the last visit and the last transaction', () => {
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: at(400), lastTxnAt: at(5) }, NOW, cfg)).toBe(
      'active',
    );
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: at(5), lastTxnAt: at(400) }, NOW, cfg)).toBe(
      'active',
    );
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: at(100), lastTxnAt: at(800) }, NOW, cfg)).toBe(
      'low_frequency',
    );
  });

  it('falls back to the opening date when nothing else is known', () => {
    expect(deriveLifecycle({ createdAt: at(60), lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe(
      'active',
    );
    expect(deriveLifecycle({ createdAt: at(365), lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe(
      'dormant',
    );
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe('churned');
  });

  it('treats future timestamps (clock skew) as now', () => {
    expect(deriveLifecycle({ createdAt: NOW + DAY, lastVisitAt: null, lastTxnAt: null }, NOW, cfg)).toBe(
      'new',
    );
    expect(deriveLifecycle({ createdAt: OLD, lastVisitAt: NOW + 5 * DAY, lastTxnAt: null }, NOW, cfg)).toBe(
      'active',
    );
  });

  it('follows configured thresholds', () => {
    const strict = {
      newWithinDays: 7,
      activeWithinDays: 30,
      lowFrequencyWithinDays: 60,
      dormantWithinDays: 365,
    };
    const facts = { createdAt: OLD, lastVisitAt: at(45), lastTxnAt: null };
    expect(deriveLifecycle(facts, NOW, strict)).toBe('low_frequency');
    expect(deriveLifecycle(facts, NOW, cfg)).toBe('active');
    expect(deriveLifecycle({ createdAt: at(10), lastVisitAt: null, lastTxnAt: null }, NOW, strict)).toBe(
      'active',
    );
  });
});
