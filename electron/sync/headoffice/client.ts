import type { HoPushResult, HoSnapshotPage } from '@shared/api/headoffice';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { HoConsentFeed } from '@shared/api/headoffice-consent';

/** A failed call to the head office; `retryable` when trying again later can help. */
export class HoHttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface HoClientOptions {
  /** Attempts after the first for a retryable failure (network, timeout, 5xx, 429). */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/** The hub's HTTP client for /api/ho/*, authenticated with the branch key. */
export class HoClient {
  private readonly base: string;
  private readonly opts: Required<Omit<HoClientOptions, 'fetch' | 'sleep'>>;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    baseUrl: string,
    private readonly key: string,
    opts: HoClientOptions = {},
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.opts = {
      retries: opts.retries ?? 5,
      baseDelayMs: opts.baseDelayMs ?? 500,
      maxDelayMs: opts.maxDelayMs ?? 30_000,
      timeoutMs: opts.timeoutMs ?? 60_000,
    };
    this.fetchFn = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  private async once<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (e) {
      throw new HoHttpError(`head office unreachable: ${(e as Error).message}`, null, 'unreachable', true);
    }
    if (res.ok) return (await res.json()) as T;
    let code = 'http_error';
    let message = `HTTP ${res.status}`;
    try {
      const err = (await res.json()) as { error?: { code?: string; en?: string } };
      code = err.error?.code ?? code;
      message = err.error?.en ?? message;
    } catch {
      // not JSON (a proxy's error page): the status says enough
    }
    throw new HoHttpError(message, res.status, code, RETRY_STATUS.has(res.status));
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, body);
      } catch (e) {
        if (!(e instanceof HoHttpError) || !e.retryable || attempt >= this.opts.retries) throw e;
        await this.sleep(backoffMs(attempt, this.opts.baseDelayMs, this.opts.maxDelayMs));
      }
    }
  }

  push(events: readonly SyncEnvelope[]): Promise<HoPushResult> {
    return this.call('POST', '/api/ho/push', { events });
  }

  snapshot(q: {
    branch: string;
    since: number;
    cursor?: string | null;
    limit?: number;
  }): Promise<HoSnapshotPage> {
    const p = new URLSearchParams({ branch: q.branch, since: String(q.since) });
    if (q.cursor) p.set('cursor', q.cursor);
    if (q.limit) p.set('limit', String(q.limit));
    return this.call('GET', `/api/ho/snapshot?${p.toString()}`);
  }

  /** Consent events of the other branches since `after` (Step 15). */
  consent(after: number, limit: number): Promise<HoConsentFeed> {
    return this.call('GET', `/api/ho/consent?after=${after}&limit=${limit}`);
  }
}
