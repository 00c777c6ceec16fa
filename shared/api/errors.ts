import type { ApiErrorBody } from './types';

/**
 * A failure the user can act on: always a 4xx with a message in Chinese and English. Thrown by the application
 * layer (electron/app) and the routes; the server's error handler turns it into `{ error: { code, zh, en } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
  }
}

/** A rule's refusal (`{ ok: false, code, zh, en }` from shared/) as the API error to throw, with its status. */
export function refusal(
  status: number,
  r: { code: string; zh: string; en: string; details?: unknown },
): ApiError {
  return new ApiError(status, r.code, r.zh, r.en, r.details);
}

export function errorBody(code: string, zh: string, en: string, details?: unknown): ApiErrorBody {
  return { error: { code, message: `${zh} / ${en}`, zh, en, ...(details === undefined ? {} : { details }) } };
}

export const notFound = (what: { zh: string; en: string }) =>
  new ApiError(404, 'not_found', `未找到${what.zh}`, `${what.en} not found`);
