import { v7 } from 'uuid';
import type { Store } from '../connection';
import { RandomPool } from '../random-pool';
import { FeedbackRepo } from '../repos/feedback';
import { pickWeighted, Rng } from './random';

const SALT = 0x72617465;
/** What the pad heard after a visit, with weights: most customers tap, a third walk off before it asks (未评价). */
const ANSWERS: readonly (readonly [string, number])[] = [
  ['very_satisfied', 0.4],
  ['satisfied', 0.2],
  ['neutral', 0.04],
  ['none', 0.36],
];
/** Seconds from the finish to the tap, and the pad's window (a `none` is stored when it closes). */
const TAP_SECONDS = [4, 20] as const;
const WINDOW_SECONDS = 30;

/**
 * The satisfaction pads' answers (评价器, Step 13) for the seeded past visits (seedHistory): without them a fresh
 * `npm run serve` showed 0 answers for every teller in the reports' 服务评价. One answer per finished visit, by the
 * teller who finished it. No answer here is one the escalation rules would have acted on (a 不满意, or a second 一般
 * for a teller on a day: a second becomes 满意): the seeded complaints and follow-ups are the history's own, and an
 * answer that should have raised one and did not would be a lie in the data. Deterministic for a seed, except the
 * ids. How many answers were written.
 */
export function seedRatings(store: Store, seed: number, before: number): number {
  const visits = store.sqlite
    .prepare<
      [number],
      {
        id: string;
        counter_id: string | null;
        services: string;
        finished_at: number;
        branch_day: string;
        staff_id: string | null;
      }
    >(
      `SELECT t.id, t.counter_id, t.services, t.finished_at, t.branch_day, f.staff_id FROM tickets t
       JOIN ticket_facts f ON f.ticket_id = t.id
       WHERE t.status = 'done' AND t.finished_at IS NOT NULL AND t.finished_at < ? ORDER BY t.finished_at, t.id`,
    )
    .all(before);
  const repo = new FeedbackRepo(store);
  const ids = new RandomPool();
  const rng = new Rng();
  const neutralDays = new Set<string>();
  let written = 0;
  store.tx(() => {
    visits.forEach((v, index) => {
      rng.reseed(seed, index, SALT);
      let answer = pickWeighted(rng, ANSWERS);
      if (answer === 'neutral') {
        const key = `${v.staff_id ?? ''}|${v.branch_day}`;
        if (neutralDays.has(key)) answer = 'satisfied';
        else neutralDays.add(key);
      }
      const seconds =
        answer === 'none'
          ? WINDOW_SECONDS
          : TAP_SECONDS[0] + Math.floor(rng.next() * (TAP_SECONDS[1] - TAP_SECONDS[0]));
      const at = v.finished_at + seconds * 1000;
      const ok = repo.insertRating({
        id: v7({ msecs: at, random: ids.take(16) }),
        ticket_id: v.id,
        counter_id: v.counter_id,
        staff_id: v.staff_id,
        services: v.services,
        answer,
        dimensions: '{}',
        channel: answer === 'none' ? 'timeout' : 'pad',
        branch_day: v.branch_day,
        finished_at: v.finished_at,
        at,
        escalation: null,
        complaint_id: null,
        follow_up_id: null,
      });
      if (ok) written++;
    });
  });
  return written;
}
