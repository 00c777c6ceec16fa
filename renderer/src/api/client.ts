import { pathOf, type AnyRoute, type Input, type NoInput, type ReplyType } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/types';
import { isUserDriven } from '../lock/activity';
import { sessionLock } from '../lock/lockStore';

/** A failed API call, carrying the server's bilingual message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    /** Per-field reasons, e.g. `[{path, zh, en}]` for refused settings. */
    readonly details?: unknown,
  ) {
    super(`${zh} / ${en}`);
  }
}

export function messageOf(err: unknown, lang: string): string {
  if (err instanceof ApiFailure) return lang.startsWith('zh') ? err.zh : err.en;
  if (err instanceof Error) return err.message;
  return String(err);
}

const lockedFailure = () =>
  new ApiFailure(
    401,
    'session_locked',
    '会话已锁定，请重新登录',
    'The session is locked; please log in again',
  );

export interface CallOptions {
  /** The lock overlay's own calls (unlock, logout, health) go out while the session is locked. */
  lockExempt?: boolean;
}

type Args<D extends AnyRoute> =
  NoInput<D> extends true ? [input?: Input<D>, opts?: CallOptions] : [input: Input<D>, opts?: CallOptions];

/**
 * Calls a route of the shared contract (shared/api/routes): the argument and the result are typed from the route's
 * declaration, so a changed input or reply shape breaks the renderer's typecheck too.
 */
export function call<D extends AnyRoute>(route: D, ...[input, opts]: Args<D>): Promise<ReplyType<D>> {
  const i = (input ?? {}) as {
    body?: unknown;
    query?: Record<string, unknown>;
    params?: Record<string, unknown>;
  };
  return request<ReplyType<D>>(route.method, pathOf(route, i.params, i.query), i.body, opts);
}

/** The URL of a route, for downloads (`<a href>`) and for tests: path parameters filled in, query appended. */
export function hrefOf<D extends AnyRoute>(route: D, ...[input]: Args<D>): string {
  const i = (input ?? {}) as { query?: Record<string, unknown>; params?: Record<string, unknown> };
  return pathOf(route, i.params, i.query);
}

/**
 * Same-origin fetch; the session rides in the httpOnly cookie.
 * While the session is locked (idle here, or `session_locked` from the server) a request waits for the
 * unlock and then goes out, so the screen underneath keeps its work; `lockExempt` is for the lock's own calls.
 */
/** The transport under `call()`: exported for its own tests only; screens use `call(route, …)`. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: CallOptions = {},
): Promise<T> {
  if (!opts.lockExempt && !(await sessionLock.whenUnlocked())) throw lockedFailure();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        // Polls and timers must not keep an unattended session from the server's idle lock.
        ...(isUserDriven() ? {} : { 'x-background': '1' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'offline', '无法连接网点服务器', 'Cannot reach the branch server');
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    if (res.status === 401 && e?.code === 'session_locked' && !opts.lockExempt) {
      sessionLock.lock('server');
      if (await sessionLock.whenUnlocked()) return request<T>(method, path, body, opts);
      throw lockedFailure();
    }
    throw new ApiFailure(
      res.status,
      e?.code ?? 'http_' + res.status,
      e?.zh ?? `请求失败（${res.status}）`,
      e?.en ?? `Request failed (${res.status})`,
      e?.details,
    );
  }
  return data as T;
}
