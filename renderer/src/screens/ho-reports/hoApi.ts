import type { HoHistoryQuery, HoHistoryReport, HoHistoryTable } from '@shared/api/headoffice-history';
import type { ApiErrorBody, Health } from '@shared/api/types';
import { headOfficeRoutes } from '@shared/api/routes';
import { pathOf } from '@shared/api/contract';
import { ApiFailure } from '../../api/client';

/**
 * The head office's admin key for this tab: sessionStorage (gone when the tab closes), never localStorage, never
 * logged. Every /api/ho call sends it as a bearer token; there is no staff session on the head office.
 */
const KEY = 'hoAdminKey';
export const adminKey = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (k: string) => sessionStorage.setItem(KEY, k),
  clear: () => sessionStorage.removeItem(KEY),
};

async function hoFetch(path: string, key: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${key}` }, credentials: 'omit' });
  } catch {
    throw new ApiFailure(0, 'offline', '无法连接总行服务器', 'Cannot reach the head-office server');
  }
  if (!res.ok) {
    const text = await res.text();
    let e: ApiErrorBody['error'] | undefined;
    try {
      e = (JSON.parse(text) as ApiErrorBody | null)?.error;
    } catch {
      e = undefined;
    }
    throw new ApiFailure(
      res.status,
      e?.code ?? `http_${res.status}`,
      e?.zh ?? `请求失败（${res.status}）`,
      e?.en ?? `Request failed (${res.status})`,
    );
  }
  return res;
}

export async function fetchHistory(key: string, q: HoHistoryQuery): Promise<HoHistoryReport> {
  const res = await hoFetch(pathOf(headOfficeRoutes.history, undefined, { ...q }), key);
  return (await res.json()) as HoHistoryReport;
}

/** A table as CSV/XLSX: fetched with the key (a link could not carry it), then saved from a blob URL. */
export async function downloadTable(
  key: string,
  table: HoHistoryTable,
  q: HoHistoryQuery,
  format: 'csv' | 'xlsx',
): Promise<void> {
  const res = await hoFetch(pathOf(headOfficeRoutes.historyExport, { table }, { ...q, format }), key);
  const cd = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/.exec(cd)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : `${table}.${format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The server's role (GET /api/health is public on every role). */
export async function serverRole(): Promise<string> {
  const res = await fetch('/api/health', { credentials: 'omit' });
  const body = (await res.json()) as Partial<Health>;
  return body.role ?? '';
}
