import type {
  BlocksResponse,
  EnrollRequest,
  EnrollResponse,
  PushResponse,
  SnapshotHead,
  SnapshotPage,
  SnapshotTable,
  SyncEventsPage,
} from '@shared/sync/api';
import type { SyncEnvelope } from '@shared/sync/envelope';

/** The hub could not be reached, or answered with an error: the replicator goes offline and retries. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** Header a terminal sends its device token in (staff sessions use `Authorization: Bearer`). */
export const DEVICE_HEADER = 'x-device-token';

/** HTTP to the hub's /api/sync routes, with a deadline on every call so a hung hub looks like a down one. */
export class HubClient {
  constructor(
    readonly base: string,
    private token: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  setToken(token: string): void {
    this.token = token;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { [DEVICE_HEADER]: this.token } : {}),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new HubError(`hub unreachable: ${e instanceof Error ? e.message : String(e)}`, null, null);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      let code: string | null = null;
      let words = '';
      try {
        const e = (JSON.parse(text) as { error?: { code?: string; zh?: string; en?: string } }).error;
        code = e?.code ?? null;
        // The hub's own words (a wrong enrollment login, a terminal it does not know) reach whoever reads this.
        if (e?.zh && e.en) words = `: ${e.zh} · ${e.en}`;
      } catch {
        // not JSON: a proxy or a crash page
      }
      throw new HubError(`hub answered ${res.status} ${code ?? ''}`.trim() + words, res.status, code);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HubError('hub answered something that is not JSON', res.status, null);
    }
  }

  enroll(req: EnrollRequest): Promise<EnrollResponse> {
    return this.call('POST', '/api/sync/enroll', req);
  }

  head(): Promise<SnapshotHead> {
    return this.call('GET', '/api/sync/snapshot/head');
  }

  page(
    table: SnapshotTable,
    after: string | null,
    limit: number,
    since: number | null,
  ): Promise<SnapshotPage> {
    const q = new URLSearchParams({ table, limit: String(limit) });
    if (after !== null) q.set('after', after);
    if (since !== null) q.set('since', String(since));
    return this.call('GET', `/api/sync/snapshot?${q.toString()}`, undefined, 60_000);
  }

  push(events: SyncEnvelope[]): Promise<PushResponse> {
    return this.call('POST', '/api/sync/push', { events }, 60_000);
  }

  events(after: number, limit: number): Promise<SyncEventsPage> {
    return this.call('GET', `/api/sync/events?after=${after}&limit=${limit}`);
  }

  blocks(branchDay: string, queues: string[]): Promise<BlocksResponse> {
    return this.call('POST', '/api/sync/blocks', { branchDay, queues });
  }
}
