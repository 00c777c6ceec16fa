import type { FastifyRequest } from 'fastify';
import { ApiError } from '@shared/api/errors';
import type { PadSession } from '@shared/api/feedback';
import { routes } from '@shared/api/routes';
import type { FeedbackFiguresApp } from '../../app/feedback/figures';
import { padTokenRequired, type PadCaller, type PadsApp } from '../../app/feedback/pads';
import type { RatingsApp } from '../../app/feedback/ratings';
import type { Caller } from '../auth';
import { route, type Http } from '../route';

export const PAD_COOKIE = 'ptok';

export interface FeedbackRouteDeps {
  pads: PadsApp;
  ratings: RatingsApp;
  figures: FeedbackFiguresApp;
}

/** The pad's token: its cookie (set by the session route) or a header; never a staff session. */
function padOf(req: FastifyRequest, pads: PadsApp): PadCaller {
  const h = req.headers['x-pad-token'];
  const token = (typeof h === 'string' && h) || req.cookies?.[PAD_COOKIE] || null;
  const pad = pads.padFor(token);
  if (!pad) throw padTokenRequired();
  return pad;
}

/** Satisfaction feedback (评价器): pad enrolment, the pad, the web survey, alerts and figures. */
export function feedbackRoutes(http: Http, deps: FeedbackRouteDeps): void {
  const { pads, ratings, figures } = deps;
  const api = routes.feedback;

  route(http, api.pads, () => pads.list());
  route(http, api.createPad, ({ body, me, reply }) => {
    const created = pads.create(body.counterId, body.name, (me as Caller).id);
    reply.status(201);
    return created;
  });
  route(http, api.revokePad, ({ params, me }) => pads.revoke(params.id, (me as Caller).id));

  // Like the lobby display: the token in the pad's URL becomes an httpOnly cookie its polling then carries.
  route(http, api.padSession, ({ body, reply }): PadSession => {
    const pad = pads.padFor(body.token);
    if (!pad)
      throw new ApiError(
        401,
        'bad_pad_token',
        '评价器令牌无效或已被撤销',
        'The pad token is not valid or was revoked',
      );
    const counter = pads.list().find((p) => p.id === pad.id);
    reply.setCookie(PAD_COOKIE, body.token, {
      path: '/api',
      httpOnly: true,
      sameSite: 'strict',
      maxAge: 365 * 24 * 3600,
    });
    return { ok: true, counterNumber: counter?.counterNumber ?? 0 };
  });
  route(http, api.padState, ({ params, req }) => ratings.padState(padOf(req, pads), params.counter));
  route(http, api.padAnswer, ({ params, body, req, reply }) => {
    const r = ratings.padAnswer(padOf(req, pads), params.counter, body);
    reply.status(201);
    return r;
  });

  route(http, api.surveyLink, ({ params }) => ratings.surveyLink(params.id));
  route(http, api.survey, ({ params }) => ratings.survey(params.token));
  route(http, api.surveyAnswer, ({ params, body, reply }) => {
    const r = ratings.surveyAnswer(params.token, body);
    reply.status(201);
    return r;
  });

  route(http, api.alerts, () => ratings.alerts());
  route(http, api.figures, ({ query }) => figures.figures(query));
}
