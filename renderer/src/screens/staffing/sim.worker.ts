import {
  recommend,
  simulate,
  summariseRuns,
  type DayPattern,
  type Recommendation,
  type Roster,
  type SimRules,
  type SimSummary,
} from '@shared/staffing';

/**
 * The simulation runs here, off the page's main thread (and never on the branch server): the manager's screen stays
 * responsive and the queue, lobby and TV are not slowed. It reports progress after every replication.
 */

export interface SimRequest {
  pattern: DayPattern;
  roster: Roster;
  rules: SimRules;
  seed: number;
  replications: number;
  maxRounds: number;
}

export type SimMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; summary: SimSummary; recommendation: Recommendation }
  | { kind: 'error'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<SimRequest>) => void) | null;
  postMessage: (m: SimMessage) => void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const req = e.data;
  const total = req.replications * (1 + req.maxRounds);
  let done = 0;
  const tick = () => {
    done++;
    if (done % 5 === 0) scope.postMessage({ kind: 'progress', done, total });
  };
  try {
    const queues = req.rules.queue.queues.map((q) => q.key);
    const reps = simulate(
      req.pattern,
      req.roster,
      req.rules,
      { seed: req.seed, from: 0, count: req.replications },
      tick,
    );
    const summary = summariseRuns(reps, queues, req.pattern.intervals.length);
    const recommendation = recommend(
      req.pattern,
      req.rules,
      { seed: req.seed, replications: req.replications, maxRounds: req.maxRounds },
      undefined,
      tick,
    );
    scope.postMessage({ kind: 'done', summary, recommendation });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
