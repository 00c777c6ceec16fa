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

/**
 * Same-origin fetch; the session rides in the httpOnly cookie.
 * While the session is locked (idle here, or `session_locked` from the server) a request waits for the
 * unlock and then goes out, so the screen underneath keeps its work; `lockExempt` is for the lock's own calls.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: { lockExempt?: boolean } = {},
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
      if (await sessionLock.whenUnlocked()) return api<T>(method, path, body, opts);
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
