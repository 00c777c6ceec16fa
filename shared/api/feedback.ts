import { z } from 'zod';
import { FEEDBACK_LEVELS, type FeedbackAnswer, type FeedbackLevel } from '../feedback/config';
import type { FeedbackFigures } from '../feedback/figures';

/** Inputs and replies of the satisfaction pad (评价器), its enrolment, the web survey, alerts and figures. */

export const padCreateInput = z.object({
  counterId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(40),
});
export const padSessionInput = z.object({ token: z.string().min(16).max(128) });
export const padCounterParam = z.object({ counter: z.coerce.number().int().min(1).max(999) });

const dimensionMarks = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.enum(['good', 'poor']))
  .refine((r) => Object.keys(r).length <= 6, 'at most 6 dimensions')
  .optional()
  .default({});

export const padAnswerInput = z.object({
  ticketId: z.string().min(1).max(64),
  level: z.enum(FEEDBACK_LEVELS),
  dimensions: dimensionMarks,
});

export const surveyParam = z.object({ token: z.string().min(20).max(300) });
export const surveyAnswerInput = z.object({ level: z.enum(FEEDBACK_LEVELS), dimensions: dimensionMarks });

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();
export const figuresQuery = z.object({ from: day, to: day });

export interface PadView {
  id: string;
  name: string;
  counterId: string;
  counterName: string;
  counterNumber: number;
  createdAt: number;
  lastSeenAt: number | null;
}

/** POST /api/feedback/pads: the token is shown this once (only its hash is kept). */
export interface PadCreated {
  id: string;
  name: string;
  token: string;
  /** `/rate/<counter number>?token=…`, to open on the pad. */
  path: string;
}

export interface PadSession {
  ok: true;
  counterNumber: number;
}

export interface PadDimension {
  key: string;
  zh: string;
  en: string;
}

/** What the pad shows: idle (who serves here: 服务监督) or asking about the visit just finished. */
export interface PadState {
  now: number;
  counter: { number: number; name: string };
  teller: { name: string; staffNo: string } | null;
  ask: { ticketId: string; displayNo: string; closesAt: number } | null;
  prompt: { zh: string; en: string };
  dimensions: PadDimension[];
  speak: boolean;
  thanksSeconds: number;
}

/** GET /api/feedback/survey-link/:id: the slip's QR (a path on this server), or null when the pad is off. */
export interface SurveyLink {
  path: string | null;
  expiresAt: number | null;
}

export interface AnswerRecorded {
  id: string;
  /** The escalation that fired (rule key), if any. */
  escalation: string | null;
}

/** A web survey (QR on the ticket slip), as the customer's phone sees it: no customer data. */
export interface SurveyView {
  branchName: string;
  displayNo: string;
  counterName: string | null;
  rated: boolean;
  expiresAt: number;
  prompt: { zh: string; en: string };
  dimensions: PadDimension[];
}

/** A low score the lobby manager should act on now (and the branch manager later). */
export interface FeedbackAlert {
  id: string;
  at: number;
  ticketId: string;
  displayNo: string;
  counterName: string | null;
  staffName: string | null;
  answer: FeedbackAnswer;
  rule: string;
  action: 'complaint' | 'follow_up';
  complaintId: string | null;
  followUpId: string | null;
}

export interface AlertList {
  alerts: FeedbackAlert[];
}

export type { FeedbackFigures, FeedbackLevel };
