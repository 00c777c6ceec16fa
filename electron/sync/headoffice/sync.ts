import type { HoCampaignRow, HoSettingsRow } from '@shared/api/headoffice';
import { mergeHeadOfficeRules } from '@shared/config/headoffice';
import { syncEnvelope, type SyncEnvelope } from '@shared/sync/envelope';
import { piiKeyId } from '../../db/headoffice/pii-key';
import { BULK_SNAPSHOTS_SOURCE } from '../../db/repos/headoffice-bulk';
import { HeadOfficeSyncRepo, type HoApplyCounts, type HoJournalRow } from '../../db/repos/headoffice-sync';
import type { Logger } from 'pino';
import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../../db/connection';
import type { Pii } from '../../db/pii';
import type { AuditRepo, SettingsRepo } from '../../db/repos/settings';
import { SettingsOriginRepo } from '../../db/repos/settings-origin';
import { backoffMs, HoClient, HoHttpError, type HoClientOptions } from './client';
import { bulkSnapshotEnvelope, journalEnvelope, type EnvelopeContext } from './envelopes';
import { pullConsent, type ConsentPullReport } from './consent-pull';
import type { ConsentEvent } from '@shared/customer/consent';

/** What the hub's link to the head office needs from the install. */
export interface HeadOfficeSyncDeps {
  store: Store;
  now: () => number;
  log: Logger;
  deviceId: string;
  /** Only to name the PII key the hashes were made with (piiKeyId); nothing is decrypted. */
  pii: Pii;
  rules: () => RulesConfig;
  /** New settings were saved: drop the cached rules. */
  rulesChanged: () => void;
  settings: Pick<SettingsRepo, 'save'>;
  audit: Pick<AuditRepo, 'append'>;
  /** Other branches' consent (Step 15): this branch's customer by number, and storing an event once. */
  consent?: {
    customerIdByNo: (customerNo: string) => string | undefined;
    adopt: (e: ConsentEvent) => boolean;
  };
}

export interface HeadOfficeSyncOptions {
  url: string;
  key: string;
  /** Envelopes per push (the head office takes up to 5,000). */
  batchSize?: number;
  /** Customers (or products, campaigns) per snapshot page. */
  pageSize?: number;
  /** Pause between rounds when all went well. */
  intervalMs?: number;
  client?: HoClientOptions;
}

export interface PushReport {
  batches: number;
  sent: number;
  accepted: number;
  duplicates: number;
  /** Rows that cannot form a valid envelope (logged, skipped): should stay 0. */
  invalid: number;
  pending: number;
}

export interface PullReport {
  pages: number;
  since: number;
  upTo: number;
  customers: HoApplyCounts;
  products: HoApplyCounts;
  links: number;
  settingsVersion: number | null;
  rulesIssues: { path: string; message: string }[];
  /** Settings the branch overrode locally and kept although the head office sent a new value. */
  keptOverrides: string[];
}

const add = (a: HoApplyCounts, b: HoApplyCounts): HoApplyCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
  conflicts: a.conflicts + b.conflicts,
  foreignKey: a.foreignKey + b.foreignKey,
});
const zero = (): HoApplyCounts => ({ inserted: 0, updated: 0, unchanged: 0, conflicts: 0, foreignKey: 0 });

/**
 * The hub's link to the head office: pushes its journal up in batches (each acknowledged batch is
 * dropped from the journal), then pulls its snapshot down. Both ends are idempotent, so a batch
 * whose reply was lost is simply sent again, and an interrupted pull starts over from the last
 * complete one. Started by `--headoffice URL --branch-key KEY` on a hub.
 */
export class HeadOfficeSync {
  readonly repo: HeadOfficeSyncRepo;
  private readonly client: HoClient;
  private readonly batchSize: number;
  private readonly pageSize: number;
  private readonly intervalMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly deps: HeadOfficeSyncDeps,
    opts: HeadOfficeSyncOptions,
  ) {
    this.repo = new HeadOfficeSyncRepo(deps.store);
    this.client = new HoClient(opts.url, opts.key, opts.client);
    this.batchSize = Math.min(5000, Math.max(1, opts.batchSize ?? 500));
    this.pageSize = Math.min(5000, Math.max(1, opts.pageSize ?? 1000));
    this.intervalMs = opts.intervalMs ?? 15_000;
  }

  private branchCode(): string {
    return this.repo.branchCode() ?? this.deps.rules().branch.code;
  }

  /** Sends the whole journal, oldest first; returns when it is empty or a push fails for good. */
  async push(): Promise<PushReport> {
    const report: PushReport = { batches: 0, sent: 0, accepted: 0, duplicates: 0, invalid: 0, pending: 0 };
    const envCtx = { branchCode: this.branchCode(), deviceId: this.deps.deviceId };
    for (;;) {
      const waiting = this.repo.pending(this.batchSize);
      const first = waiting[0];
      if (!first) break;
      if (first.source === BULK_SNAPSHOTS_SOURCE) {
        await this.pushBulk(first, envCtx, report);
        continue;
      }
      // Plain rows up to the next bulk row: that one goes up on its own, a window at a time.
      const bulkAt = waiting.findIndex((r) => r.source === BULK_SNAPSHOTS_SOURCE);
      const rows = bulkAt > 0 ? waiting.slice(0, bulkAt) : waiting;
      const last = rows.at(-1) as HoJournalRow;
      await this.send(
        rows.map((row) => ({
          env: journalEnvelope(row, envCtx),
          where: { seq: row.seq, source: row.source },
        })),
        report,
      );
      this.repo.ack(last.seq, this.deps.now());
      report.batches++;
    }
    report.pending = this.repo.pendingCount();
    this.repo.setState('last_push_at', String(this.deps.now()), this.deps.now());
    return report;
  }

  /** Sends the envelopes that are valid in one push (an invalid one is logged and skipped); how many went. */
  private async send(
    candidates: readonly { env: SyncEnvelope; where: Record<string, unknown> }[],
    report: PushReport,
  ): Promise<number> {
    const events: SyncEnvelope[] = [];
    for (const c of candidates) {
      const env = syncEnvelope.safeParse(c.env);
      if (env.success) events.push(env.data);
      else {
        report.invalid++;
        this.deps.log.error({ ...c.where, issues: env.error.issues }, 'journal row skipped');
      }
    }
    if (events.length === 0) return 0;
    const r = await this.client.push(events);
    report.accepted += r.accepted;
    report.duplicates += r.duplicates;
    report.sent += events.length;
    return events.length;
  }

  /**
   * The snapshots a bulk journal row stands for (migration 0031), a window of the batch size at a time, each window's
   * own acknowledged by the head office before the cursor moves past it; the row is acknowledged after the last.
   */
  private async pushBulk(row: HoJournalRow, envCtx: EnvelopeContext, report: PushReport): Promise<void> {
    const bulk = this.repo.bulk.of(row.seq);
    let at = this.repo.bulk.cursor(row.seq);
    // Stops at the end of the import's dates, or once all it wrote has gone up (a re-import that changed nothing).
    while (bulk && (at?.sent ?? 0) < bulk.rows) {
      const page = this.repo.bulk.page(bulk, at, this.batchSize);
      const sent = await this.send(
        page.rows.map((s) => ({
          env: bulkSnapshotEnvelope(row, s, envCtx),
          where: { seq: row.seq, customerId: s.customerId },
        })),
        report,
      );
      if (sent > 0) report.batches++;
      else await new Promise<void>((r) => setImmediate(r)); // a window of other imports' rows: let requests in
      if (!page.next) break;
      at = { seq: row.seq, ...page.next, sent: (at?.sent ?? 0) + page.rows.length };
      this.repo.bulk.setCursor(at, this.deps.now());
    }
    this.repo.ack(row.seq, this.deps.now());
  }

  /** Pulls every page of the snapshot since the last complete pull and applies it. */
  async pull(): Promise<PullReport> {
    const since = Number(this.repo.state('pull_since') ?? 0);
    const branch = this.branchCode();
    const keyId = piiKeyId(this.deps.pii);
    const report: PullReport = {
      pages: 0,
      since,
      upTo: since,
      customers: zero(),
      products: zero(),
      links: 0,
      settingsVersion: null,
      rulesIssues: [],
      keptOverrides: [],
    };
    const links: { customerNo: string; linkedNo: string | null }[] = [];
    const campaigns: HoCampaignRow[] = [];
    let settings: HoSettingsRow | null = null;
    let cursor: string | null = null;
    do {
      const page = await this.client.snapshot({ branch, since, cursor, limit: this.pageSize });
      report.pages++;
      report.upTo = page.upTo;
      if (page.customers.length > 0) {
        const r = this.repo.applyCustomers(page.customers, {
          piiKeyId: keyId,
          bands: this.deps.rules().customer.tiers,
          now: this.deps.now(),
        });
        report.customers = add(report.customers, r.counts);
        links.push(...r.links);
      }
      if (page.products.length > 0) {
        report.products = add(report.products, this.repo.applyProducts(page.products, this.deps.now()));
      }
      campaigns.push(...page.campaigns);
      if (page.settings) settings = page.settings;
      cursor = page.nextCursor;
    } while (cursor);

    report.links = this.repo.applyLinks(links);
    if (settings || campaigns.length > 0) this.applyRules(settings, campaigns, report);
    this.repo.setState('pull_since', String(report.upTo), this.deps.now());
    this.repo.setState('last_pull_at', String(this.deps.now()), this.deps.now());
    return report;
  }

  private applyRules(settings: HoSettingsRow | null, campaigns: HoCampaignRow[], report: PullReport): void {
    const origins = new SettingsOriginRepo(this.deps.store);
    const baseline = new Map(origins.baseline().map((e) => [e.path, e.value]));
    const merged = mergeHeadOfficeRules(this.deps.rules(), settings, campaigns, { baseline });
    report.keptOverrides = merged.kept ?? [];
    const now = this.deps.now();
    const remember = (version: number | null) => {
      if (!settings || !merged.baseline) return;
      const mandatory = new Set<string>(settings.mandatory ?? []);
      origins.putBaseline(
        [...merged.baseline].map(([path, value]) => ({
          path,
          value,
          hoVersions: settings.versions,
          mandatory: mandatory.has(path.split('.')[0] as string),
          receivedAt: now,
          settingsVersion: version,
        })),
      );
    };
    report.rulesIssues = merged.issues;
    if (merged.issues.length > 0) {
      this.deps.log.warn(
        { issues: merged.issues },
        'head-office settings refused: the branch keeps its rules',
      );
      return;
    }
    if (!merged.config) {
      this.deps.store.tx(() => remember(null));
      return;
    }
    const note = `总行下发${settings ? ` v${settings.versions.join('+')}` : ''} / from head office`;
    const config = merged.config;
    report.settingsVersion = this.deps.store.tx(() => {
      const version = this.deps.settings.save(config, null, note, now, null, 'headoffice');
      remember(version);
      this.deps.audit.append({
        at: now,
        staffId: null,
        action: 'settings.headoffice',
        targetType: 'settings',
        targetId: String(version),
        detail: {
          sections: merged.sections,
          campaignsPut: merged.campaignsPut,
          campaignsWithdrawn: merged.campaignsWithdrawn,
          keptOverrides: merged.kept ?? [],
        },
      });
      return version;
    });
    this.deps.rulesChanged();
  }

  /** Consent recorded at the other branches (a withdrawal there holds here); nothing without the consent deps. */
  async pullConsent(): Promise<ConsentPullReport | null> {
    const c = this.deps.consent;
    if (!c) return null;
    return pullConsent({
      fetch: (after, limit) => this.client.consent(after, limit),
      state: (k) => this.repo.state(k),
      setState: (k, v, now) => this.repo.setState(k, v, now),
      customerIdByNo: c.customerIdByNo,
      adopt: c.adopt,
      tx: (fn) => this.deps.store.tx(fn),
      now: this.deps.now,
    });
  }

  /** One round: push, then pull (the snapshot, then the other branches' consent). */
  async runOnce(): Promise<{ push: PushReport; pull: PullReport }> {
    const push = await this.push();
    const pull = await this.pull();
    await this.pullConsent();
    return { push, pull };
  }

  /** Rounds in the background until stop(); after a failure the next round waits longer (backoff). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
      });
    }, ms);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    try {
      const r = await this.runOnce();
      this.failures = 0;
      this.repo.setState('last_error', '', this.deps.now());
      if (r.push.sent > 0 || r.pull.pages > 1) {
        this.deps.log.info(
          { pushed: r.push.accepted, duplicates: r.push.duplicates, pulled: r.pull.customers },
          'head-office sync',
        );
      }
      this.schedule(this.intervalMs);
    } catch (e) {
      this.failures++;
      const message = e instanceof Error ? e.message : String(e);
      this.repo.setState('last_error', message, this.deps.now());
      this.deps.log.warn({ err: message, failures: this.failures }, 'head-office sync failed; will retry');
      const permanent = e instanceof HoHttpError && !e.retryable;
      this.schedule(
        Math.max(this.intervalMs, backoffMs(this.failures, 2_000, permanent ? 600_000 : 120_000)),
      );
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
