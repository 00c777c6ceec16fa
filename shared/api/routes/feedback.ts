import { defineRoute, returns } from '../contract';
import {
  figuresQuery,
  padAnswerInput,
  padCounterParam,
  padCreateInput,
  padSessionInput,
  surveyAnswerInput,
  surveyParam,
  type AlertList,
  type AnswerRecorded,
  type FeedbackFigures,
  type PadCreated,
  type PadSession,
  type PadState,
  type PadView,
  type SurveyLink,
  type SurveyView,
} from '../feedback';
import { idParam } from '../inputs';
import type { Done } from '../security';

const MANAGERS = ['manager', 'admin'] as const;

/**
 * Satisfaction feedback (评价器). The pad routes take no staff session: they answer only to a pad's own token (cookie
 * `ptok` or header `x-pad-token`), so a teller's login cannot rate in the customer's place.
 */
export const feedbackApi = {
  pads: defineRoute({
    method: 'GET',
    path: '/api/feedback/pads',
    roles: MANAGERS,
    summary: 'Satisfaction pads (评价器), one per counter',
    reply: returns<PadView[]>(),
  }),
  createPad: defineRoute({
    method: 'POST',
    path: '/api/feedback/pads',
    roles: MANAGERS,
    body: padCreateInput,
    summary: 'New pad token for a counter (shown once): open /rate/<counter>?token=… on the pad',
    reply: returns<PadCreated>(),
  }),
  revokePad: defineRoute({
    method: 'DELETE',
    path: '/api/feedback/pads/:id',
    roles: MANAGERS,
    params: idParam,
    summary: 'Revoke a pad token',
    reply: returns<Done>(),
  }),
  padSession: defineRoute({
    method: 'POST',
    path: '/api/rate/session',
    roles: null,
    passwordAttempt: true,
    body: padSessionInput,
    summary: 'Satisfaction pad: exchange its token for a cookie',
    reply: returns<PadSession>(),
  }),
  padState: defineRoute({
    method: 'GET',
    path: '/api/rate/:counter/state',
    roles: null,
    params: padCounterParam,
    summary: 'Satisfaction pad: idle (teller, 服务监督) or the visit just finished to rate (pad token)',
    reply: returns<PadState>(),
  }),
  padAnswer: defineRoute({
    method: 'POST',
    path: '/api/rate/:counter/answer',
    roles: null,
    params: padCounterParam,
    body: padAnswerInput,
    summary:
      'Satisfaction pad: the customer’s answer for the visit just finished (pad token; once, in the window)',
    reply: returns<AnswerRecorded>(),
  }),
  surveyLink: defineRoute({
    method: 'GET',
    path: '/api/feedback/survey-link/:id',
    roles: ['lobby', 'teller', 'rm', 'manager', 'admin'],
    params: idParam,
    summary: 'The signed, short-lived survey link of a ticket (QR on the print slip)',
    reply: returns<SurveyLink>(),
  }),
  survey: defineRoute({
    method: 'GET',
    path: '/api/survey/:token',
    roles: null,
    params: surveyParam,
    summary: 'Web survey of one visit (signed, short-lived link from the ticket slip)',
    reply: returns<SurveyView>(),
  }),
  surveyAnswer: defineRoute({
    method: 'POST',
    path: '/api/survey/:token',
    roles: null,
    params: surveyParam,
    body: surveyAnswerInput,
    summary: 'Web survey answer (once per visit, same storage as the pad)',
    reply: returns<AnswerRecorded>(),
  }),
  alerts: defineRoute({
    method: 'GET',
    path: '/api/feedback/alerts',
    roles: ['lobby', 'manager', 'admin'],
    summary: 'Today’s low scores that opened a complaint or a follow-up',
    reply: returns<AlertList>(),
  }),
  figures: defineRoute({
    method: 'GET',
    path: '/api/feedback/figures',
    roles: MANAGERS,
    query: figuresQuery,
    summary: 'Satisfaction % and response rate per teller, service and day',
    reply: returns<FeedbackFigures>(),
  }),
};
