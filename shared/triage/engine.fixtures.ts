/** Shared fixtures for the engine-*.test.ts files: a default branch, customers and a runner at a fixed time. */
import { defaultTriageConfig } from './defaults';
import type { TriageConfig } from './config';
import { triage } from './engine';
import type { BranchState, TriageCustomer, TriageDecision, TriageFlags, TriageInput } from './types';

export const TZ = 'Asia/Shanghai';
/** 2025-06-15 10:00 in Shanghai. */
export const NOW = Date.UTC(2025, 5, 15, 2, 0, 0);
export const ctx = { elderlyAge: 60, timeZone: TZ, now: NOW };
export const cfg = defaultTriageConfig;

export function branch(over: Partial<BranchState> = {}): BranchState {
  return {
    counters: [
      { id: 'V1', channel: 'vip', open: true, queues: ['vip'] },
      { id: 'C1', channel: 'counter', open: true, queues: ['individual'] },
      { id: 'C2', channel: 'counter', open: true, queues: ['individual'] },
      { id: 'B1', channel: 'corporate', open: true, queues: ['corporate'] },
      { id: 'S1', channel: 'self', open: true, queues: ['self'] },
    ],
    vipRoom: { capacity: 4, load: 1 },
    selfServiceUp: true,
    ...over,
  };
}

export function person(over: Partial<TriageCustomer> = {}): TriageCustomer {
  return {
    kind: 'individual',
    tier: 'mid',
    segments: [],
    birthDate: '1985-03-02',
    corporateGrade: null,
    ...over,
  };
}

export function company(over: Partial<TriageCustomer> = {}): TriageCustomer {
  return {
    kind: 'corporate',
    tier: 'mid',
    segments: [],
    birthDate: null,
    corporateGrade: 'general',
    ...over,
  };
}

export function input(
  customer: TriageCustomer | null,
  intents: string[],
  flags: TriageFlags = {},
  b: BranchState = branch(),
): TriageInput {
  return { customer, intents, flags, branch: b };
}

export function run(i: TriageInput, config: TriageConfig = cfg): TriageDecision {
  return triage(i, config, ctx);
}

export const ids = (d: TriageDecision) => d.reasons.map((r) => r.ruleId);
