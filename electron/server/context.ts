import type { Logger } from 'pino';
import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../db/connection';
import type { Pii } from '../db/pii';
import { CustomerRepo } from '../db/repos/customers';
import { AuditRepo, SettingsRepo } from '../db/repos/settings';
import { SessionRepo, StaffRepo } from '../db/repos/staff';
import { VisitRepo } from '../db/repos/visits';
import type { RouteInfo } from './route';
import { QueueService } from './queue/service';

export interface ServerOptions {
  version: string;
  schemaVersion: string;
  role: 'hub' | 'terminal' | 'headoffice';
  deviceId: string;
  /** Folder with the built renderer; null serves the API only. */
  staticDir: string | null;
  sessionHours: number;
  now?: () => number;
}

/** Everything a route needs, built once per server. Tests build it on a temp DB with a fixed clock. */
export class AppContext {
  readonly customers: CustomerRepo;
  readonly settings: SettingsRepo;
  readonly audit: AuditRepo;
  readonly staff: StaffRepo;
  readonly sessions: SessionRepo;
  readonly now: () => number;
  readonly routeTable: RouteInfo[] = [];
  readonly queue: QueueService;
  readonly visits: VisitRepo;
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
    this.now = opts.now ?? Date.now;
    this.visits = new VisitRepo(store);
    this.queue = new QueueService(this);
  }

  /** Parsed once and cached: the rules are read on every request. */
  rules(): RulesConfig {
    if (!this.cachedRules) this.cachedRules = this.settings.current();
    return this.cachedRules.config;
  }

  rulesVersion(): number {
    return this.cachedRules?.version ?? this.settings.current().version;
  }

  invalidateRules(): void {
    this.cachedRules = null;
  }
}
