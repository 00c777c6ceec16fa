import type { ApiErrorBody } from '@shared/api/types';

/** A failed API call, carrying the server's bilingual message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export function messageOf(err: unknown, lang: string): string {
  if (err instanceof ApiFailure) return lang.startsWith('zh') ? err.zh : err.en;
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Same-origin fetch; the session rides in the httpOnly cookie. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, 'offline', '无法连接网点服务器', 'Cannot reach the branch server');
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    throw new ApiFailure(
      res.status,
      e?.code ?? 'http_' + res.status,
      e?.zh ?? `请求失败（${res.status}）`,
      e?.en ?? `Request failed (${res.status})`,
    );
  }
  return data as T;
}
