import { ApiError, refusal } from '@shared/api/errors';
import type {
  AlertList,
  AnswerRecorded,
  FeedbackAlert,
  PadState,
  SurveyLink,
  SurveyView,
} from '@shared/api/feedback';
import type { CounterView, LiveMessage } from '@shared/api/queue';
import type { RulesConfig } from '@shared/config/schema';
import type { FeedbackAnswer, FeedbackLevel } from '@shared/feedback/config';
import {
  checkPadAnswer,
  checkSurveyAnswer,
  escalationFor,
  escalationText,
  isUnanswered,
  visitToRate,
  windowClosesAt,
} from '@shared/feedback/rules';
import { branchDay } from '@shared/queue';
import type { SyncEventKind } from '@shared/sync/envelope';
import { complaintDeadline, followUpDueAt } from '@shared/visit/rules';
import { newId } from '../../db/ids';
import type { FeedbackRepo, StoredVisit } from '../../db/repos/feedback';
import type { VisitRepo } from '../../db/repos/visits';
import { readSurveyToken, signSurveyToken } from '../survey-token';
import type { PadCaller, PadsApp } from './pads';

/** The replication outbox: the rating, and the complaint or follow-up it opened, go out in its transaction. */
export interface FeedbackOutbox {
  record(kind: SyncEventKind, entityId: string, payload: Record<string, unknown>): unknown;
  recordRow(kind: SyncEventKind, table: 'follow_ups' | 'complaints', id: string): void;
}

export interface RatingsDeps {
  repo: FeedbackRepo;
  pads: Pick<PadsApp, 'counterOf'>;
  counters: () => CounterView[];
  visits: Pick<VisitRepo, 'addComplaint' | 'addFollowUp'>;
  outbox: FeedbackOutbox;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  rules: () => Pick<RulesConfig, 'feedback' | 'visit' | 'branch'>;
  /** The live feed: the lobby manager hears of an escalation at once. */
  emit: (m: LiveMessage) => void;
  /** Signs the web survey's links. */
  surveyKey: () => Buffer;
}

type Marks = Record<string, 'good' | 'poor'>;

const alreadyRated = () =>
  new ApiError(409, 'already_rated', '本次服务已评价', 'This visit has already been rated');

/** The customer's answers (pad or web survey), one per visit, and the escalations they open. */
export class RatingsApp {
  constructor(private readonly d: RatingsDeps) {}

  /** Idle (who serves here) or the visit just finished; a window that closed unanswered is stored as 未评价. */
  padState(pad: PadCaller, counterNumber: number): PadState {
    const counter = this.d.pads.counterOf(pad, counterNumber);
    const cfg = this.d.rules().feedback;
    const now = this.d.now();
    const last = this.d.repo.lastFinished(counter.id);
    const rated = last ? this.d.repo.hasRating(last.ticketId) : false;
    if (last && isUnanswered(last, rated, now, cfg)) this.store(last, 'none', {}, 'timeout', now);
    const ask = visitToRate(last, rated, now, cfg);
    const teller = this.d.repo.tellerAt(counter.id);
    return {
      now,
      counter: { number: counter.number, name: counter.name },
      teller: teller ? { name: teller.display_name, staffNo: teller.username } : null,
      ask: ask
        ? { ticketId: ask.ticketId, displayNo: ask.displayNo, closesAt: windowClosesAt(ask.finishedAt, cfg) }
        : null,
      prompt: cfg.prompt,
      dimensions: cfg.dimensions,
      speak: cfg.speak,
      thanksSeconds: cfg.thanksSeconds,
    };
  }

  padAnswer(
    pad: PadCaller,
    counterNumber: number,
    a: { ticketId: string; level: FeedbackLevel; dimensions: Marks },
  ): AnswerRecorded {
    const counter = this.d.pads.counterOf(pad, counterNumber);
    const now = this.d.now();
    const last = this.d.repo.lastFinished(counter.id);
    const rated = last ? this.d.repo.hasRating(last.ticketId) : false;
    const ok = checkPadAnswer({ ticketId: a.ticketId, last, rated, now, cfg: this.d.rules().feedback });
    if (!ok.ok) throw refusal(409, ok);
    return this.record(last as StoredVisit, a.level, a.dimensions, 'pad', now);
  }

  /** The link printed on the slip: valid from the issue until a working day plus `surveyLinkMinutes` later. */
  surveyLink(ticketId: string): SurveyLink {
    const cfg = this.d.rules().feedback;
    const issuedAt = this.d.repo.issuedAt(ticketId);
    if (issuedAt === null) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
    if (!cfg.enabled) return { path: null, expiresAt: null };
    // The visit is finished after the slip is printed; the answer itself is checked against the finish time.
    const expiresAt = issuedAt + 12 * 3_600_000 + cfg.surveyLinkMinutes * 60_000;
    return { path: `/survey/${signSurveyToken(this.d.surveyKey(), ticketId, expiresAt)}`, expiresAt };
  }

  private surveyVisit(token: string): { ticketId: string; expiresAt: number } {
    const t = readSurveyToken(this.d.surveyKey(), token, this.d.now());
    if (!t)
      throw new ApiError(
        404,
        'survey_link_invalid',
        '评价链接无效或已过期',
        'This survey link is not valid or has expired',
      );
    return t;
  }

  survey(token: string): SurveyView {
    const t = this.surveyVisit(token);
    const rules = this.d.rules();
    const visit = this.d.repo.finishedTicket(t.ticketId);
    const displayNo = visit?.displayNo ?? this.d.repo.displayNo(t.ticketId);
    if (!displayNo)
      throw new ApiError(404, 'survey_link_invalid', '评价链接无效', 'This survey link is not valid');
    const counter = visit ? this.d.counters().find((c) => c.id === visit.counterId) : undefined;
    const end = visit ? visit.finishedAt + rules.feedback.surveyLinkMinutes * 60_000 : t.expiresAt;
    return {
      branchName: rules.branch.name,
      displayNo,
      counterName: counter?.name ?? null,
      rated: this.d.repo.hasRating(t.ticketId),
      expiresAt: Math.min(end, t.expiresAt),
      prompt: rules.feedback.prompt,
      dimensions: rules.feedback.dimensions,
    };
  }

  surveyAnswer(token: string, a: { level: FeedbackLevel; dimensions: Marks }): AnswerRecorded {
    const t = this.surveyVisit(token);
    const now = this.d.now();
    const visit = this.d.repo.finishedTicket(t.ticketId);
    const ok = checkSurveyAnswer({
      finishedAt: visit?.finishedAt ?? null,
      rated: this.d.repo.hasRating(t.ticketId),
      now,
      cfg: this.d.rules().feedback,
    });
    if (!ok.ok) throw refusal(409, ok);
    return this.record(visit as StoredVisit, a.level, a.dimensions, 'survey', now);
  }

  /** Escalations of the last 12 hours, newest first (the lobby's list; the live feed brings new ones at once). */
  alerts(): AlertList {
    return { alerts: this.d.repo.alerts(this.d.now() - 12 * 3_600_000).map(toAlert) };
  }

  private record(
    visit: StoredVisit,
    answer: FeedbackLevel,
    dims: Marks,
    channel: 'pad' | 'survey',
    now: number,
  ): AnswerRecorded {
    const r = this.store(visit, answer, dims, channel, now);
    if (!r) throw alreadyRated();
    if (r.alert) this.d.emit({ type: 'feedback', at: now, alert: r.alert });
    return { id: r.id, escalation: r.alert?.rule ?? null };
  }

  /**
   * Stores the answer (null when the visit already has one: one answer per visit, whichever device got there
   * first), opens what the escalation rules ask for, and puts all of it in the outbox, in one transaction.
   */
  private store(
    visit: StoredVisit,
    answer: FeedbackAnswer,
    dims: Marks,
    channel: 'pad' | 'survey' | 'timeout',
    now: number,
  ): { id: string; alert: FeedbackAlert | null } | null {
    const { repo, outbox } = this.d;
    const rules = this.d.rules();
    const known = new Set(rules.feedback.dimensions.map((x) => x.key));
    const marks = Object.fromEntries(Object.entries(dims).filter(([k]) => known.has(k)));
    const id = newId();
    return this.d.tx(() => {
      const inserted = repo.insertRating({
        id,
        ticket_id: visit.ticketId,
        counter_id: visit.counterId || null,
        staff_id: visit.staffId,
        services: JSON.stringify(visit.services),
        answer,
        dimensions: JSON.stringify(marks),
        channel,
        branch_day: branchDay(now, rules.branch.timezone),
        finished_at: visit.finishedAt,
        at: now,
        escalation: null,
        complaint_id: null,
        follow_up_id: null,
      });
      if (!inserted) return null;
      const alert = this.escalate(id, visit, answer, marks, now);
      outbox.record('feedback_rating', id, { row: repo.rating(id) });
      return { id, alert };
    });
  }

  private escalate(
    id: string,
    visit: StoredVisit,
    answer: FeedbackAnswer,
    marks: Marks,
    now: number,
  ): FeedbackAlert | null {
    const { repo, visits, outbox } = this.d;
    const rules = this.d.rules();
    const day = branchDay(now, rules.branch.timezone);
    const sameDay = visit.staffId ? repo.countSameDay(visit.staffId, day, answer) : 1;
    const rule = escalationFor(answer, sameDay, rules.feedback);
    if (!rule) return null;
    const counter = this.d.counters().find((c) => c.id === visit.counterId);
    const staff = visit.staffId ? repo.staffName(visit.staffId) : null;
    // For the branch manager: the complaint is raised in their name, the follow-up assigned to them.
    const manager = repo.firstOfRole('manager') ?? repo.firstOfRole('admin') ?? visit.staffId;
    const poor = rules.feedback.dimensions.filter((x) => marks[x.key] === 'poor');
    const text = escalationText({
      displayNo: visit.displayNo,
      counterName: counter?.name ?? null,
      staffName: staff?.display_name ?? null,
      answer,
      rule,
      poor,
    });
    let complaintId: string | null = null;
    let followUpId: string | null = null;
    if (manager && rule.action === 'follow_up' && visit.customerId) {
      followUpId = visits.addFollowUp({
        customerId: visit.customerId,
        ticketId: visit.ticketId,
        productCode: null,
        kind: 'satisfaction',
        assigneeId: manager,
        dueAt: followUpDueAt(undefined, now, rules.visit),
        note: text,
        createdBy: manager,
        at: now,
      });
      outbox.recordRow('follow_up', 'follow_ups', followUpId);
    } else if (manager) {
      // A follow-up needs a customer; a walk-in's low score becomes a complaint instead.
      const cats = rules.visit.complaintCategories;
      const key = cats.some((c) => c.key === rule.category) ? rule.category : (cats.at(-1)?.key ?? '');
      const deadline = complaintDeadline(key, now, rules.visit);
      if (deadline.ok) {
        complaintId = visits.addComplaint({
          customerId: visit.customerId,
          ticketId: visit.ticketId,
          category: deadline.category.key,
          description: text,
          deadlineAt: deadline.deadlineAt,
          createdBy: manager,
          at: now,
        });
        outbox.recordRow('complaint', 'complaints', complaintId);
      }
    }
    repo.setEscalation(id, { escalation: rule.key, complaintId, followUpId });
    return {
      id,
      at: now,
      ticketId: visit.ticketId,
      displayNo: visit.displayNo,
      counterName: counter?.name ?? null,
      staffName: staff?.display_name ?? null,
      answer,
      rule: rule.key,
      action: followUpId ? 'follow_up' : 'complaint',
      complaintId,
      followUpId,
    };
  }
}

function toAlert(r: ReturnType<FeedbackRepo['alerts']>[number]): FeedbackAlert {
  return {
    id: r.id,
    at: r.at,
    ticketId: r.ticket_id,
    displayNo: r.display_no,
    counterName: r.counter_name,
    staffName: r.staff_name,
    answer: r.answer as FeedbackAnswer,
    rule: r.escalation,
    action: r.follow_up_id ? 'follow_up' : 'complaint',
    complaintId: r.complaint_id,
    followUpId: r.follow_up_id,
  };
}
