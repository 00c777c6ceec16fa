import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { feedbackFigures } from '@shared/feedback/figures';
import type { FeedbackAnswer } from '@shared/feedback/config';
import type { Store } from '../connection';
import { FeedbackRepo } from '../repos/feedback';
import { demoBranches } from './branch.fixtures';
import { seedHistory } from './history';
import { seedRatings } from './ratings';
import { daysBefore } from './visits';

/** 2026-11-25 (a Wednesday) 14:30 in Beijing. */
const NOW = Date.UTC(2026, 10, 25, 6, 30);
const newBranch = demoBranches(NOW, 300, 90);

async function branch(): Promise<Store> {
  const store = await newBranch();
  seedHistory(store, defaultRulesConfig, {
    days: daysBefore('2026-11-25', 10),
    perDay: 60,
    seed: 5,
    outcomes: false,
  });
  return store;
}

interface Rating {
  ticket_id: string;
  staff_id: string | null;
  answer: string;
  channel: string;
  branch_day: string;
  finished_at: number;
  at: number;
  escalation: string | null;
  finisher: string | null;
  ticket_day: string;
}

const ratings = (s: Store) =>
  s.sqlite
    .prepare<[], Rating>(
      `SELECT r.*, f.staff_id AS finisher, t.branch_day AS ticket_day FROM feedback_ratings r
       JOIN tickets t ON t.id = r.ticket_id JOIN ticket_facts f ON f.ticket_id = r.ticket_id ORDER BY r.at, r.ticket_id`,
    )
    .all();

describe('seedRatings', () => {
  it('answers each finished past visit once, for the teller who finished it, as a pad would', async () => {
    const store = await branch();
    const written = seedRatings(store, 7, NOW);
    const all = ratings(store);
    const finished = store.sqlite.prepare("SELECT count(*) FROM tickets WHERE status = 'done'").pluck().get();
    expect(written).toBe(all.length);
    expect(all.length).toBe(finished);
    expect(new Set(all.map((r) => r.ticket_id)).size).toBe(all.length);
    for (const r of all) {
      expect(r.staff_id).toBe(r.finisher);
      expect(r.branch_day).toBe(r.ticket_day);
      expect(r.escalation).toBeNull();
      // A tap within the pad's window; a timeout (未评价) when it closes.
      if (r.answer === 'none') {
        expect(r.channel).toBe('timeout');
        expect(r.at - r.finished_at).toBe(30_000);
      } else {
        expect(r.channel).toBe('pad');
        expect(r.at - r.finished_at).toBeGreaterThan(0);
        expect(r.at - r.finished_at).toBeLessThan(30_000);
      }
    }
    // Nothing the escalation rules would have acted on: no 不满意, at most one 一般 per teller and day.
    expect(all.filter((r) => r.answer === 'dissatisfied')).toEqual([]);
    const neutral = all.filter((r) => r.answer === 'neutral').map((r) => `${r.staff_id}|${r.branch_day}`);
    expect(neutral.length).toBeGreaterThan(0);
    expect(new Set(neutral).size).toBe(neutral.length);
  });

  it('gives the reports a response rate and a satisfaction a branch would have', async () => {
    const store = await branch();
    seedRatings(store, 7, NOW);
    const rows = new FeedbackRepo(store).figureRows(0, NOW);
    const f = feedbackFigures(
      rows.map((r) => ({
        ticketId: r.ticket_id,
        day: r.branch_day,
        staffId: r.staff_id,
        staffName: r.staff_name,
        services: JSON.parse(r.services) as string[],
        answer: r.answer as FeedbackAnswer | null,
      })),
    );
    expect(f.total.responsePct).toBeGreaterThan(50);
    expect(f.total.responsePct).toBeLessThan(80);
    expect(f.total.satisfactionPct).toBeGreaterThan(85);
    expect(f.total.satisfactionPct).toBeLessThan(100);
  });

  it('is the same set of answers for the same history and seed', async () => {
    const key = async () => {
      const s = await branch();
      seedRatings(s, 7, NOW);
      return ratings(s).map((r) => `${r.finished_at}:${r.answer}:${r.at}`);
    };
    expect(await key()).toEqual(await key());
  });
});
