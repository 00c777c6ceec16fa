import { defaultRulesConfig } from '@shared/config/schema';
import { buildPattern, erlangRoster, simulate, type SimRules } from '@shared/staffing';
import { BUSY_DAY, busyBranchDay } from '../support/staffing-data';
import { round } from './stats';
import type { Bench } from './types';

const REPLICATIONS = 100;

/**
 * P8_simulate: the what-if staffing simulation of one day of a busy branch (≈ 1,000 arrivals over the four queues
 * of the default config, replayed through the real triage and queue-ordering rules), 100 replications, on the
 * roster Erlang C recommends, single-threaded (the screen runs it in one worker). Best of three runs after a warm-up.
 */
export const p8Simulate: Bench = {
  key: 'P8_simulate',
  describe: 'what-if staffing: one busy day × 100 replications',
  run: async () => {
    const cfg = defaultRulesConfig;
    const rules: SimRules = {
      triage: cfg.triage,
      queue: cfg.queue,
      targets: [
        { queue: 'vip', waitMinutes: 5, percent: 80 },
        { queue: 'individual', waitMinutes: 10, percent: 80 },
        { queue: 'corporate', waitMinutes: 10, percent: 80 },
        { queue: 'self', waitMinutes: 5, percent: 80 },
      ],
      vipRoomCapacity: cfg.branch.vipRoomCapacity,
      timeZone: cfg.branch.timezone,
      elderlyAge: cfg.customer.elderlyAge,
    };
    const tickets = busyBranchDay(1000, 1);
    const pattern = buildPattern(
      tickets,
      [BUSY_DAY],
      { dayStart: '09:00', dayEnd: '17:00', intervalMinutes: 30 },
      cfg.branch.timezone,
      () => 600_000,
    );
    const roster = erlangRoster(pattern, rules);
    simulate(pattern, roster, rules, { seed: 99, from: 0, count: 10 });
    let best = Infinity;
    let arrivals = 0;
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const reps = simulate(pattern, roster, rules, { seed: 1, from: 0, count: REPLICATIONS });
      best = Math.min(best, (performance.now() - t0) / 1000);
      arrivals =
        reps.reduce((s, r) => s + r.filter((_, i) => i % 6 === 0).reduce((a, b) => a + b, 0), 0) /
        reps.length;
    }
    return {
      fields: { arrivals: Math.round(arrivals), replications: REPLICATIONS, seconds: round(best, 3) },
      checks: [
        {
          figure: 'simulated arrivals per day',
          target: '≈ 1,000',
          measured: String(Math.round(arrivals)),
          pass: arrivals >= 900 && arrivals <= 1100,
        },
        {
          figure: `${REPLICATIONS} replications`,
          target: '< 2 s',
          measured: `${round(best, 3)} s`,
          pass: best < 2,
        },
      ],
    };
  },
};
