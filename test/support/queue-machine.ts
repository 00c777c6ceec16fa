import { expect } from 'vitest';
import type { ApplyResult } from '@shared/queue/machine';
import { applyAll, issuePayload, makeEventFactory, T0 } from './queue';

/*
 * Shared by shared/queue/machine.*.test.ts: one issued ticket and the check for a refusal. It lives here, not beside
 * those tests, because modules in shared/ other than tests may not import test/ (lint:deps).
 */

export const MIN = 60_000;

export function setup() {
  const ev = makeEventFactory();
  const issued = ev('t1', 'issue', T0, {
    payload: issuePayload({ customerId: 'c1', services: ['cash', 'statement'] }),
  });
  return { ev, issued, state: applyAll([issued]) };
}

export function expectError(r: ApplyResult, code: string) {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.zh.length).toBeGreaterThan(0);
    expect(r.en.length).toBeGreaterThan(0);
  }
}
