import type { RulesConfig } from '../config/schema';
import { ageFromMonth } from '../customer/age';
import type { CorporateGrade, CustomerKind, Segment } from '../customer/enums';
import { classifyTier, type TierKey } from '../customer/tier';
import type { Channel } from './channel';
import { triage } from './engine';
import type { BranchState, TriageInput } from './types';

/**
 * The preview of a triage-rule change: a day's visits decided again under the current and the proposed rules, on
 * the same neutral floor (every channel open, the VIP room empty), so only the rules make a difference. No PII:
 * a visit is its time, its business and the customer's triage facts.
 */
export interface ReplayVisit {
  arrivedAt: number;
  services: string[];
  customer: {
    kind: CustomerKind;
    aumFen: number;
    segments: Segment[];
    birthMonth: string | null;
    corporateGrade: CorporateGrade | null;
  } | null;
}

export interface ReplayOutcome {
  channel: Channel;
  priority: number;
  care: boolean;
  review: boolean;
}

export interface ReplayExample {
  arrivedAt: number;
  services: string[];
  tier: TierKey | null;
  before: ReplayOutcome;
  after: ReplayOutcome;
}

export interface TriageReplay {
  visits: number;
  changed: number;
  /** Changed decisions by route (e.g. 柜台 → 贵宾室), most first. */
  routes: { before: Channel; after: Channel; visits: number }[];
  examples: ReplayExample[];
}

/** Every configured channel open with one service point; the VIP room at its capacity, empty. */
export function neutralFloor(config: RulesConfig): BranchState {
  return {
    counters: config.triage.channels.map((c) => ({
      id: `replay-${c.key}`,
      channel: c.key,
      open: true,
      queues: [c.queue],
    })),
    vipRoom: { capacity: Math.max(1, config.branch.vipRoomCapacity), load: 0 },
    selfServiceUp: true,
  };
}

function decide(
  v: ReplayVisit,
  config: RulesConfig,
  floor: BranchState,
): ReplayOutcome & { tier: TierKey | null } {
  const c = v.customer;
  const tz = config.branch.timezone;
  const elderly =
    c?.birthMonth != null && ageFromMonth(c.birthMonth, v.arrivedAt, tz) >= config.customer.elderlyAge;
  const tier = c ? classifyTier(c.aumFen, config.customer.tiers).tier : null;
  const input: TriageInput = {
    customer:
      c && tier
        ? { kind: c.kind, tier, segments: c.segments, birthDate: null, corporateGrade: c.corporateGrade }
        : null,
    intents: v.services.length ? v.services : ['statement'],
    flags: elderly ? { elderly: true } : {},
    branch: floor,
  };
  const d = triage(input, config.triage, {
    elderlyAge: config.customer.elderlyAge,
    timeZone: tz,
    now: v.arrivedAt,
  });
  return { channel: d.channel, priority: d.priority, care: d.care, review: d.review, tier };
}

const differs = (a: ReplayOutcome, b: ReplayOutcome) =>
  a.channel !== b.channel || a.priority !== b.priority || a.care !== b.care || a.review !== b.review;

export function replayTriage(
  visits: readonly ReplayVisit[],
  before: RulesConfig,
  after: RulesConfig,
  limit = 10,
): TriageReplay {
  const floorBefore = neutralFloor(before);
  const floorAfter = neutralFloor(after);
  const routes = new Map<string, { before: Channel; after: Channel; visits: number }>();
  const examples: ReplayExample[] = [];
  let changed = 0;
  for (const v of visits) {
    const { tier, ...a } = decide(v, before, floorBefore);
    const { tier: _t, ...b } = decide(v, after, floorAfter);
    void _t;
    if (!differs(a, b)) continue;
    changed++;
    const key = `${a.channel}>${b.channel}`;
    const r = routes.get(key) ?? { before: a.channel, after: b.channel, visits: 0 };
    r.visits++;
    routes.set(key, r);
    if (examples.length < limit)
      examples.push({ arrivedAt: v.arrivedAt, services: v.services, tier, before: a, after: b });
  }
  return {
    visits: visits.length,
    changed,
    routes: [...routes.values()].sort((x, y) => y.visits - x.visits),
    examples,
  };
}
