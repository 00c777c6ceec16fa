import type { Logger } from 'pino';
import type { RulesConfig } from '@shared/config/schema';
import type { Role } from '@shared/api/types';
import type { Store } from '../db/connection';
import type { Pii } from '../db/pii';
import { AuthCache } from '../db/repos/auth-cache';
import { CustomerRepo } from '../db/repos/customers';
import { DisplayTokenRepo } from '../db/repos/displays';
import { AuditRepo, SettingsRepo } from '../db/repos/settings';
import { SessionRepo, StaffRepo } from '../db/repos/staff';
import { VisitRepo } from '../db/repos/visits';
import { CustomersApp } from '../app/customers';
import { VisitsApp } from '../app/visits';
import { Auth } from './auth';
import { QueueService } from './queue/service';
import { SyncCore } from '../sync/core';
import type { SyncConfig } from '@shared/sync/config';

export interface ServerOptions {
  version: string;
  schemaVersion: string;
  role: 'hub' | 'terminal' | 'headoffice';
  deviceId: string;
  /** Folder with the built renderer; null serves the API only. */
  staticDir: string | null;
  /** demo: seeded demo branch and logins; production: starts with no staff and asks for an admin. */
  mode: 'demo' | 'production';
  /** Listening beyond loopback: lobby displays then need a display token (or a staff session). */
  lan: boolean;
  now?: () => number;
  /** Replication tuning (shared/sync/config.ts); tests make it fast. */
  sync?: Partial<SyncConfig>;
}

/** Everything a route needs, built once per server. Tests build it on a temp DB with a fixed clock. */
/** Collected per server for /api/docs and for the role tests. */
export interface RouteInfo {
  method: string;
  url: string;
  roles: readonly Role[] | null;
  summary: string;
  display: boolean;
}

export class AppContext {
  readonly customers: CustomerRepo;
  readonly settings: SettingsRepo;
  readonly audit: AuditRepo;
  readonly staff: StaffRepo;
  readonly sessions: SessionRepo;
  /** Session + staff per token for authenticate(); invalidated by any write to either table. */
  readonly authCache: AuthCache;
  readonly now: () => number;
  /** What the server registered (filled by buildApp): /api/docs and the role tests read it. */
  readonly routeTable: RouteInfo[] = [];
  readonly auth: Auth;
  readonly queue: QueueService;
  /** Replication: HLC, outbox, applier, ticket-number blocks (electron/sync). */
  readonly sync: SyncCore;
  readonly visits: VisitRepo;
  readonly displays: DisplayTokenRepo;
  readonly customersApp: CustomersApp;
  readonly visitsApp: VisitsApp;
  private cachedRules: { version: number; config: RulesConfig } | null = null;

  constructor(
    readonly store: Store,
    readonly pii: Pii,
    readonly log: Logger,
    readonly opts: ServerOptions,
  ) {
    this.customers = new CustomerRepo(store, pii);
    this.settings = new SettingsRepo(store);
    this.audit = new AuditRepo(store);
    this.staff = new StaffRepo(store);
    this.sessions = new SessionRepo(store);
    this.authCache = AuthCache.for(store, this.sessions, this.staff);
    this.now = opts.now ?? Date.now;
    this.visits = new VisitRepo(store);
    this.displays = new DisplayTokenRepo(store);
    this.auth = new Auth({
      authCache: this.authCache,
      sessions: this.sessions,
      displays: this.displays,
      idleLockMinutes: () => this.rules().security.idleLockMinutes,
      now: this.now,
      lan: opts.lan,
    });
    this.sync = new SyncCore(this, opts.sync);
    const rules = () => this.rules();
    this.customersApp = new CustomersApp({
      customers: this.customers,
      audit: this.audit,
      pii,
      now: this.now,
      rules,
    });
    this.queue = new QueueService(this);
    this.visitsApp = new VisitsApp({
      visits: this.visits,
      customers: this.customersApp,
      tickets: this.queue.tickets,
      staff: this.staff,
      tx: (fn) => store.tx(fn),
      outbox: this.sync,
      now: this.now,
      rules,
    });
  }

  /** Parsed once and cached: the rules are read on every request. */
  rules(): RulesConfig {
    if (!this.cachedRules) this.cachedRules = this.settings.current();
    return this.cachedRules.config;
  }

  rulesVersion(): number {
    return this.cachedRules?.version ?? this.settings.current().version;
  }

  /**
   * Drops the cached rules; the next request reads the newest version. Every rules consumer (queue service,
   * triage, suggestions, lookups, imports) asks ctx.rules() per call, so a saved settings version applies at once.
   */
  invalidateRules(): void {
    this.cachedRules = null;
  }
}
