import { defaultQueueConfig } from '@shared/queue/config';
import { defaultTriageConfig } from '@shared/triage/defaults';
import { defaultStaffingConfig } from '@shared/staffing/config';
import type { DayPattern, HistoryTicket, VisitProfile } from '@shared/staffing/pattern';
import { rngFor } from '@shared/staffing/rng';
import type { SimRules } from '@shared/staffing/simulate';

/** Builders shared by the staffing tests and the P8 benchmark. */

export const testRules: SimRules = {
  triage: defaultTriageConfig,
  queue: defaultQueueConfig,
  targets: defaultStaffingConfig.targets,
  vipRoomCapacity: 4,
  timeZone: 'Asia/Shanghai',
  elderlyAge: 60,
};

/** A walk-in opening an account: triage sends it to the counter (queue `individual`). */
export const counterVisit: VisitProfile = {
  intents: ['account_open'],
  customer: null,
  flags: {},
  priority: 0,
};

/**
 * A flat pattern: `perInterval` arrivals per interval for `intervals` intervals from 09:00, every visit
 * `profile`, exponential service with mean `ahtMs` in the queue `queue`, nobody walks away.
 */
export function flatPattern(opts: {
  intervals: number;
  perInterval: number;
  ahtMs: number;
  queue?: string;
  profile?: VisitProfile;
  patience?: DayPattern['patience'];
}): DayPattern {
  const queue = opts.queue ?? 'individual';
  return {
    intervalMinutes: 30,
    days: ['2026-01-05'],
    intervals: Array.from({ length: opts.intervals }, (_, i) => ({
      start: 9 * 60 + 30 * i,
      arrivals: opts.perInterval,
      byQueue: { [queue]: opts.perInterval },
      visits: [0],
    })),
    profiles: [opts.profile ?? counterVisit],
    service: { [queue]: { samples: [], meanMs: opts.ahtMs } },
    patience: opts.patience ?? { atMs: [], survival: [] },
    totals: { arrivals: 0, served: 0, walkedAway: 0, noShows: 0 },
  };
}

const TIERS = ['potential', 'effective', 'mid', 'high', 'private'] as const;
const DAY = '2026-11-23';
/** 2026-11-23 00:00 Asia/Shanghai. */
const MIDNIGHT = Date.UTC(2026, 10, 22, 16, 0, 0);
const MINUTE_MS = 60_000;

/** Arrival intensity over the day: the morning and early-afternoon peaks of a city branch (relative weights). */
const SHAPE = [4, 6, 9, 10, 8, 7, 6, 5, 5, 7, 9, 10, 8, 6, 5, 3];

/**
 * One recorded day of a busy branch, deterministic: `arrivals` tickets from 09:00 to 17:00 over the four queues,
 * walk-ins and known customers of every tier, some multi-intent visits, care flags, recorded services and some
 * walk-aways. Queues as the default config issues them; the staffing pattern is built from these with buildPattern.
 */
export function busyBranchDay(arrivals = 1000, seed = 1): HistoryTicket[] {
  const rng = rngFor(seed, 0);
  const intents = defaultTriageConfig.intents.map((i) => i.key);
  const total = SHAPE.reduce((s, x) => s + x, 0);
  const out: HistoryTicket[] = [];
  SHAPE.forEach((w, i) => {
    const n = Math.round((arrivals * w) / total);
    for (let k = 0; k < n; k++) {
      const arrivedAt = MIDNIGHT + (9 * 60 + 30 * i) * MINUTE_MS + rng() * 30 * MINUTE_MS;
      const r = rng();
      const known = r > 0.3;
      const corporate = known && r > 0.9;
      const tier = TIERS[Math.floor(rng() * TIERS.length)] as (typeof TIERS)[number];
      const intent = corporate
        ? 'corporate_settlement'
        : (intents[Math.floor(rng() * intents.length)] as string);
      const services = rng() < 0.12 ? [intent, 'wealth'] : [intent];
      const queue = corporate
        ? 'corporate'
        : tier === 'private' || tier === 'high'
          ? 'vip'
          : rng() < 0.2
            ? 'self'
            : 'individual';
      const walked = rng() < 0.05;
      const wait = rng() * 20 * MINUTE_MS;
      const service = (2 + rng() * rng() * 25) * MINUTE_MS;
      out.push({
        branchDay: DAY,
        queue,
        status: walked ? 'cancelled' : 'done',
        priority: 0,
        services,
        arrivedAt,
        calledAt: walked ? null : arrivedAt + wait,
        startedAt: walked ? null : arrivedAt + wait + 30_000,
        finishedAt: walked ? arrivedAt + wait : arrivedAt + wait + 30_000 + service,
        transferred: false,
        endOfDay: false,
        customer: known
          ? {
              kind: corporate ? 'corporate' : 'individual',
              tier,
              segments: rng() < 0.15 ? ['elderly'] : [],
              birthDate: null,
              corporateGrade: corporate ? ((['strategic', 'key', 'general'] as const)[k % 3] ?? null) : null,
            }
          : null,
        flags: rng() < 0.05 ? { pregnant: true } : {},
      });
    }
  });
  return out;
}

export const BUSY_DAY = DAY;
