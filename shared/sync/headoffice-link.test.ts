import { describe, expect, it } from 'vitest';
import { headOfficeLink, type HeadOfficeLinkFacts } from './headoffice-link';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 5, 2, 0);
const limits = { headOfficeLagHours: 24, journalWarnRows: 1_000 };
const facts = (f: Partial<HeadOfficeLinkFacts>): HeadOfficeLinkFacts => ({
  configured: true,
  pending: 0,
  oldestPendingAt: null,
  lastPushAt: NOW - 40 * HOUR,
  lastError: null,
  ...f,
});

describe('headOfficeLink', () => {
  it('a working link is ok, however old the waiting change (the next round takes it)', () => {
    const l = headOfficeLink(facts({ pending: 50, oldestPendingAt: NOW - 30 * HOUR }), limits, NOW);
    expect(l.level).toBe('ok');
    expect(l.waitedHours).toBe(30);
  });

  it('a failing link is behind only once a change has waited past the limit', () => {
    const failing = { pending: 50, lastError: 'connect ECONNREFUSED' };
    expect(headOfficeLink(facts({ ...failing, oldestPendingAt: NOW - 23 * HOUR }), limits, NOW).level).toBe(
      'ok',
    );
    const l = headOfficeLink(facts({ ...failing, oldestPendingAt: NOW - 25 * HOUR }), limits, NOW);
    expect(l.level).toBe('behind');
    expect(l.waitedHours).toBe(25);
  });

  it('a failing link with nothing waiting says nothing', () => {
    const l = headOfficeLink(facts({ lastError: '401', oldestPendingAt: NOW - 99 * HOUR }), limits, NOW);
    expect(l).toMatchObject({ level: 'ok', waitedHours: 0 });
  });

  it('without a link, warns once the journal reaches the warning size', () => {
    const none = { configured: false, lastPushAt: null, oldestPendingAt: NOW - HOUR };
    expect(headOfficeLink(facts({ ...none, pending: 999 }), limits, NOW).level).toBe('ok');
    expect(headOfficeLink(facts({ ...none, pending: 1_000 }), limits, NOW).level).toBe('unconfigured');
  });

  it('counts the wait from the last complete push at the latest: a late terminal row is not a day-old wait', () => {
    const late = { pending: 5, lastError: 'connect ECONNREFUSED', oldestPendingAt: NOW - 30 * HOUR };
    const l = headOfficeLink(facts({ ...late, lastPushAt: NOW - 2 * HOUR }), limits, NOW);
    expect(l.level).toBe('ok');
    expect(l.waitedHours).toBe(2);
  });
});
