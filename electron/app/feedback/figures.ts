import { ApiError } from '@shared/api/errors';
import type { RulesConfig } from '@shared/config/schema';
import { FEEDBACK_LEVELS, type FeedbackAnswer } from '@shared/feedback/config';
import { feedbackFigures, type FeedbackFigures, type RatedVisit } from '@shared/feedback/figures';
import { parseCivil, zonedInstant } from '@shared/import/values';
import type { FeedbackRepo, FigureRow } from '../../db/repos/feedback';

const DAY = 86_400_000;
const ANSWERS = new Set<string>([...FEEDBACK_LEVELS, 'none']);

export interface FiguresDeps {
  repo: Pick<FeedbackRepo, 'figureRows'>;
  now: () => number;
  rules: () => Pick<RulesConfig, 'branch'>;
}

/** A stored row as the pure figures take it. */
export function toRatedVisit(r: FigureRow): RatedVisit {
  return {
    ticketId: r.ticket_id,
    day: r.branch_day,
    staffId: r.staff_id,
    staffName: r.staff_name,
    services: JSON.parse(r.services) as string[],
    answer: r.answer !== null && ANSWERS.has(r.answer) ? (r.answer as FeedbackAnswer) : null,
  };
}

/**
 * Satisfaction figures for a span of branch days (both inclusive; the default is the last 7 days): the rows come
 * from the repository, the arithmetic from shared/feedback/figures.ts, which the dashboard and the daily report
 * can call on the same rows (`visitsBetween`).
 */
export class FeedbackFiguresApp {
  constructor(private readonly d: FiguresDeps) {}

  private dayStart(s: string): number {
    const c = parseCivil(s);
    if (!c.ok) throw new ApiError(400, 'bad_date', c.zh, c.en);
    return zonedInstant({ ...c.value, minutes: 0 }, this.d.rules().branch.timezone);
  }

  /** Finished visits in [from, to) (epoch ms) with their answers. */
  visitsBetween(from: number, to: number): RatedVisit[] {
    return this.d.repo.figureRows(from, to).map(toRatedVisit);
  }

  figures(q: { from?: string | undefined; to?: string | undefined }): FeedbackFigures {
    const to = q.to ? this.dayStart(q.to) + DAY : this.d.now() + 1;
    const from = q.from ? this.dayStart(q.from) : to - 7 * DAY;
    if (from >= to)
      throw new ApiError(
        400,
        'bad_range',
        '开始日期不能晚于结束日期',
        'The start date is after the end date',
      );
    return feedbackFigures(this.visitsBetween(from, to));
  }
}
