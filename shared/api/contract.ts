import type { z } from 'zod';
import type { Role } from './types';

/**
 * The API contract: every route is declared once, here in shared/, with its method, path, roles, zod inputs and the
 * type of its reply. The server registers its handlers from these declarations (a handler that returns another shape
 * fails the typecheck) and the renderer's client takes its argument and result types from the same object, so a
 * changed response shape breaks both sides at compile time. `/api/docs` is generated from the same table.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Schema = z.ZodType;

/**
 * How a route answers: `json` (the default: a typed JSON body), `file` (a download: CSV, XLSX; the renderer links
 * to it) or `upload` (the request body is a raw file stream, not JSON).
 */
export type ReplyKind = 'json' | 'file';

/** Phantom carrier of the reply type: `returns<TicketView>()`. Nothing is checked at run time. */
export interface Reply<T> {
  readonly kind: ReplyKind;
  /** Never set; only carries T for the type checker. */
  readonly _type?: T;
}

export const returns = <T>(): Reply<T> => ({ kind: 'json' });
/** A file download (CSV, XLSX): the handler streams it through Fastify's reply; the renderer links to it (hrefOf). */
export const download = (): Reply<unknown> => ({ kind: 'file' });

export interface RouteMeta {
  method: Method;
  path: string;
  /** null = public; [] = any logged-in staff; otherwise only these roles. */
  roles: readonly Role[] | null;
  summary: string;
  /** Public on a loopback-only server; on the LAN, a display token or a staff session. */
  display?: boolean;
  /** Still answers when the session is idle-locked (unlock, logout). */
  allowLocked?: boolean;
  /** A password is checked here: attempts are rate-limited and count toward the lockout. */
  passwordAttempt?: boolean;
  /** The request body is a raw file (application/octet-stream), streamed by the handler; not validated as JSON. */
  upload?: boolean;
  /** Authenticated by a terminal's device token (x-device-token) instead of a staff session. */
  device?: boolean;
}

export interface RouteSpec extends RouteMeta {
  body?: Schema;
  query?: Schema;
  params?: Schema;
  reply: Reply<unknown>;
}

type Get<S, K extends string> = S extends { [k in K]: infer V } ? V : undefined;
type ReplyOf<S> = S extends { reply: Reply<infer R> } ? R : never;

/** A declared route: the schemas are kept as their exact types (or undefined when the route takes none). */
export interface Route<B, Q, P, R> extends RouteMeta {
  body: B;
  query: Q;
  params: P;
  reply: Reply<R>;
}

export type AnyRoute = Route<Schema | undefined, Schema | undefined, Schema | undefined, unknown>;

export function defineRoute<const S extends RouteSpec>(
  spec: S,
): Route<Get<S, 'body'>, Get<S, 'query'>, Get<S, 'params'>, ReplyOf<S>> {
  return {
    ...spec,
    body: spec.body,
    query: spec.query,
    params: spec.params,
  } as unknown as Route<Get<S, 'body'>, Get<S, 'query'>, Get<S, 'params'>, ReplyOf<S>>;
}

/** What the handler receives after validation (zod output types). */
export type Parsed<S> = S extends Schema ? z.output<S> : undefined;
/** What the caller sends (zod input types: defaults may be left out). */
export type Sent<S> = S extends Schema ? z.input<S> : undefined;

export type ReplyType<D> = D extends Route<unknown, unknown, unknown, infer R> ? R : never;

type Slot<K extends string, S> = [S] extends [Schema] ? { [k in K]: z.input<S> } : { [k in K]?: undefined };

/** The client's argument for a route: `{ body, query, params }`, each present exactly when the route takes it. */
export type Input<D extends AnyRoute> = Slot<'body', D['body']> &
  Slot<'query', D['query']> &
  Slot<'params', D['params']>;

/** True when the route takes no input at all, so the client may be called with the route alone. */
export type NoInput<D extends AnyRoute> = [D['body'] | D['query'] | D['params']] extends [undefined]
  ? true
  : false;

/** Fills `:name` segments from params (encoded), and appends the query's defined values. */
export function pathOf(
  route: Pick<RouteMeta, 'path'>,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  const path = route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(String(v));
  });
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
