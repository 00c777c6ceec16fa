import { defaultQueueConfig } from '../queue/config';
import { defaultTriageConfig } from '../triage/config';
import { defaultStaffingConfig } from './config';
import type { DayPattern, VisitProfile } from './pattern';
import type { SimRules } from './simulate';

/** Builders shared by the staffing tests and the P8 benchmark (not used by the app). */

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
