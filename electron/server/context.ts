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
import { SuggestLearningSource } from '../app/suggest-learning';
import { ConsentApp } from '../app/consent';
import { ConsentRepo } from '../db/repos/consent';
import { prospectModules, type ProspectModules } from '../app/prospects-module';
import { LearningRepo } from '../db/repos/learning';
import { VisitsApp } from '../app/visits';
import { DisplaysApp } from '../app/displays';
import { Lockout } from '../app/lockout';
import { SessionApp } from '../app/session';
import { SettingsApp } from '../app/settings';
import { SettingsPreviewApp } from '../app/settings-preview';
import { SettingsPreviewRepo } from '../db/repos/settings-preview';
import { ProductPreviewApp } from '../app/product-preview';
import { ProductPreviewRepo } from '../db/repos/product-preview';
import { StaffApp } from '../app/staff';
import { StaffingApp } from '../app/staffing';
import { StaffingRepo } from '../db/repos/staffing';
import { ensureBranch } from '../db/repos/branch';
import { Auth } from './auth';
import { queueModules, type CounterCaller, type QueueApp, type QueueModules } from '../app/queue';
import { CounterRepo } from '../db/repos/counters';
import { TicketRepo } from '../db/repos/tickets';
import { SyncCore } from '../sync/core';
import { queueListener, SyncApp } from '../app/sync';
import { BackupApp } from '../app/backup';
import { databaseFile } from '../db/repos/imports';
import { dirname, join } from 'node:path';
import type { HeadOfficeSyncDeps } from '../sync/headoffice/sync';
import { feedbackModules, type FeedbackModules } from '../app/feedback';
import { OutreachRepo } from '../db/repos/outreach';
import { OutreachApp, OwnerAlerts, OwnersApp, deskConsent, storedConsent } from '../app/outreach';
import { DashboardApp } from '../app/dashboard/live';
import { ReportsApp } from '../app/dashboard/reports';
import { DashboardRepo } from '../db/repos/dashboard';
import { ReportRepo } from '../db/repos/reports';
import { randomBytes } from 'node:crypto';
import { AppointmentsApp } from '../app/appointments';
import { LogSender, NotificationDispatcher } from '../app/appointments/notifier';
import { AppointmentRepo } from '../db/repos/appointments';

export type { ServerOptions } from './options';
import type { ServerOptions } from './options';

/** Collected per server for /api/docs and for the role tests. */
export interface RouteInfo {
  method: string;
  url: string;
  roles: readonly Role[] | null;
  summary: string;
  display: boolean;
}

/** Everything a route needs, built once per server. Tests build it on a temp DB with a fixed clock. */
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
  /** The queue domain's application modules (electron/app/queue); `queue` is its ticket side. */
  readonly queueApps: QueueModules;
  readonly queue: QueueApp;
  /** Replication: HLC, outbox, applier, ticket-number blocks (electron/sync). */
  readonly sync: SyncCore;
  /** Replication as the sync routes see it: enrollment, snapshot, journal, push, blocks, status. */
  readonly syncApp: SyncApp;
  /** The hub's database copies (网点管理 → 数据备份); start.ts runs its daily schedule. */
  readonly backups: BackupApp;
  readonly visits: VisitRepo;
  readonly displays: DisplayTokenRepo;
  readonly customersApp: CustomersApp;
  /** Consent at the desk (Step 15): suggestions and outreach read what stands through it. */
  readonly consent: ConsentApp;
  /** Walk-in prospects and the printed consent slip (Step 15). */
  readonly prospectMods: ProspectModules;
  readonly visitsApp: VisitsApp;
  /** The application layer (electron/app): what the routes call. */
  readonly settingsApp: SettingsApp;
  /** The impact of a proposed settings version, before it is saved (Step 16). */
  readonly settingsPreview: SettingsPreviewApp;
  readonly lockout: Lockout;
  readonly sessionApp: SessionApp;
  readonly staffApp: StaffApp;
  readonly displaysApp: DisplaysApp;
  /** Satisfaction feedback (评价器): pads, answers and escalations, figures. */
  readonly feedback: FeedbackModules;
  readonly staffingApp: StaffingApp;
  /** 客户经营 (Step 14): the book, outreach lists and contacts; owners; the owner alerts. */
  readonly outreach: OutreachApp;
  readonly owners: OwnersApp;
  readonly ownerAlerts: OwnerAlerts;
  /** The branch manager's live dashboard and history reports (shared/metrics). */
  readonly dashboard: DashboardApp;
  readonly reports: ReportsApp;
  /** Appointments (预约) and their notification outbox's dispatcher (started by the server on a hub). */
  readonly appointmentsApp: AppointmentsApp;
  readonly notifier: NotificationDispatcher;

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
    const tx = <T>(fn: () => T): T => store.tx(fn);
    const { audit, now } = this;
    const staffName = (id: string) => this.staff.member(id)?.displayName ?? null;
    this.settingsApp = new SettingsApp({
      settings: this.settings,
      audit,
      tx,
      now,
      counters: () => this.queue.counters.all(),
    });
    const security = () => this.rules().security;
    this.lockout = new Lockout({ staff: this.staff, audit, tx, now, security });
    this.auth = new Auth({
      authCache: this.authCache,
      sessions: this.sessions,
      displays: this.displays,
      idleLockMinutes: () => this.rules().security.idleLockMinutes,
      now: this.now,
      lan: opts.lan,
    });
    this.sync = new SyncCore({
      store,
      now: this.now,
      deviceId: opts.deviceId,
      role: opts.role,
      branchCode: () => this.rules().branch.code,
      audit: this.audit,
      pii,
      ...(opts.sync ? { config: opts.sync } : {}),
    });
    const rules = () => this.rules();
    const learning = new SuggestLearningSource({ repo: new LearningRepo(store), rules });
    const customerOf = (id: string) => this.customersApp.require(id);
    this.consent = new ConsentApp({
      repo: new ConsentRepo(store),
      customers: { require: customerOf },
      staffName,
      tx,
      outbox: this.sync,
      audit,
      now,
      rules,
      keepText: (v, p, at) => this.prospectMods.slips.keep(v, p, at),
    });
    this.prospectMods = prospectModules(this);
    this.customersApp = new CustomersApp({
      customers: this.customers,
      audit: this.audit,
      pii,
      now: this.now,
      rules,
      learning: (customerId, at, ticketId) => learning.forCustomer(customerId, at, ticketId),
      consent: (c) => this.consent.effective(c.id, c.marketingConsent),
      phoneFound: (ids) => this.prospectMods.prospects.linkCustomers(ids),
    });
    const outreachRepo = new OutreachRepo(store);
    this.queueApps = queueModules({
      highRisk: (customerId) => outreachRepo.highRisk(customerId),
      tx,
      tickets: new TicketRepo(store),
      counters: new CounterRepo(store),
      customers: this.customers,
      visits: this.visits,
      audit: this.audit,
      outbox: this.sync,
      suggestionCount: (customerId, intents, now) =>
        this.customersApp.suggestionsFor(customerId, intents, now)?.items.length ?? 0,
      staffedCounters: (at) => this.authCache.staffedCounters(at),
      staffName,
      rules,
      now: this.now,
      log,
      deviceId: opts.deviceId,
    });
    this.queue = this.queueApps.queue;
    this.ownerAlerts = new OwnerAlerts({
      outreach: outreachRepo,
      customers: this.customers,
      rules,
      tickets: () => this.queue.board.tickets(),
    });
    this.queue.onIssued((t, at) => this.ownerAlerts.issued(t, at));
    const outreachDeps = {
      repo: outreachRepo,
      customers: this.customers,
      staff: this.staff,
      audit,
      tx,
      now,
      rules,
      // Consent is read through this one function: the desk's consent capture plugs in here.
      consent: deskConsent(storedConsent(outreachRepo), this.consent),
      alerts: this.ownerAlerts,
      outbox: this.sync,
      tickets: {
        get: (id: string) => this.queue.board.get(id) ?? this.queue.tickets.get(id),
        call: (id: string, counterId: string, caller: CounterCaller) =>
          this.queue.act(id, 'call', {}, counterId, caller),
      },
    };
    this.outreach = new OutreachApp(outreachDeps);
    this.owners = new OwnersApp(outreachDeps);
    this.sync.listen(queueListener(this.queue, rules, this.queueApps.floor));
    this.visitsApp = new VisitsApp({
      visits: this.visits,
      customers: this.customersApp,
      tickets: this.queue.tickets,
      staff: this.staff,
      tx: (fn) => store.tx(fn),
      outbox: this.sync,
      audit,
      now: this.now,
      rules,
    });
    this.sessionApp = new SessionApp({
      staff: this.staff,
      sessions: this.sessions,
      audit,
      tx,
      now,
      security,
      lockout: this.lockout,
      activity: this.auth,
      presenceChanged: (at) => this.queue.countersChanged(at),
    });
    this.staffApp = new StaffApp({
      staff: this.staff,
      sessions: this.sessions,
      audit,
      tx,
      now,
      lockout: this.lockout,
      counterExists: (id) => !!this.queue.counters.get(id),
      ensureBranch: (at) => ensureBranch(store, this.rules(), null, at),
      rulesChanged: () => this.invalidateRules(),
    });
    this.displaysApp = new DisplaysApp({ displays: this.displays, audit, tx, now });
    this.feedback = feedbackModules({
      store,
      pii,
      visits: this.visits,
      audit,
      outbox: this.sync,
      now,
      rules,
      emit: (m) => this.queue.emit(m),
    });
    this.settingsPreview = new SettingsPreviewApp({
      repo: new SettingsPreviewRepo(store),
      tickets: new StaffingRepo(store),
      rules,
      now,
      products: new ProductPreviewApp({
        repo: new ProductPreviewRepo(store),
        learning: (ids, at) => learning.forCustomers(ids, at),
        consent: (cs) => this.consent.effectiveMany(cs),
      }),
    });
    this.staffingApp = new StaffingApp({
      repo: new StaffingRepo(store),
      rules,
      settings: this.settingsApp,
      counters: () => this.queue.counters.all(),
      now,
    });
    this.dashboard = new DashboardApp({
      repo: new DashboardRepo(store),
      counters: this.queue.counters,
      rules,
      now,
    });
    this.reports = new ReportsApp({ repo: new ReportRepo(store), rules, now });
    const appointments = new AppointmentRepo(store);
    this.appointmentsApp = new AppointmentsApp({
      repo: appointments,
      customer: (id) => this.customers.get(id),
      findCustomer: (q) => this.customersApp.lookup(q, null).customers.map((c) => c.id),
      ticketOf: (id) => {
        const t = this.queue.tickets.get(id);
        return t ? { displayNo: t.displayNo, calledAt: t.lastCalledAt ?? t.calledAt } : undefined;
      },
      audit,
      tx,
      now,
      rules,
      random: (n) => randomBytes(n),
      outbox: this.sync,
      queue: {
        issue: (input, staffId) => this.queue.issue(input, staffId),
        waitingViews: (at) =>
          this.queue.board
            .tickets()
            .filter((t) => t.status === 'waiting')
            .map((t) => this.queue.board.view(t, at)),
      },
    });
    this.notifier = new NotificationDispatcher({
      repo: appointments,
      sender:
        opts.notificationSender ?? new LogSender((line) => log.info({ notification: line }, 'notification')),
      now,
      phoneOf: (id) => {
        const c = this.customers.get(id);
        return c?.phoneEnc ? pii.decrypt(c.phoneEnc) : null;
      },
      log,
      beforeSend: () => {
        this.appointmentsApp.sweepNoShows();
        this.appointmentsApp.aheadNotices();
      },
    });
    const dbFile = databaseFile(store);
    this.backups = new BackupApp({
      store,
      dir: opts.backupDir ?? (dbFile ? join(dirname(dbFile), 'backups') : ''),
      role: dbFile ? opts.role : 'terminal', // an in-memory store has nothing to copy
      now,
      rules,
      audit,
      log,
    });
    this.syncApp = new SyncApp({
      sync: this.sync,
      store,
      staff: this.staffApp,
      audit,
      now,
      rules,
      role: opts.role,
      staffName,
      backupAlert: () => this.backups.alert(),
    });
  }

  /** What a hub's link to the head office needs (electron/sync/headoffice/sync.ts). */
  headOfficeSyncDeps(): HeadOfficeSyncDeps {
    return {
      store: this.store,
      now: this.now,
      log: this.log,
      deviceId: this.opts.deviceId,
      pii: this.pii,
      rules: () => this.rules(),
      rulesChanged: () => this.invalidateRules(),
      settings: this.settings,
      audit: this.audit,
      consent: {
        customerIdByNo: (no) => this.customers.lookup({ kind: 'customerNo', value: no }, 1)[0]?.id,
        adopt: (e) => this.consent.adopt(e),
      },
    };
  }

  /** The rules in force: cached by the settings app (see SettingsApp.rules). */
  rules(): RulesConfig {
    return this.settingsApp.rules();
  }

  rulesVersion(): number {
    return this.settingsApp.rulesVersion();
  }

  /** Drops the cached rules: every consumer asks ctx.rules() per call, so a saved version applies at once. */
  invalidateRules(): void {
    this.settingsApp.invalidateRules();
  }
}
