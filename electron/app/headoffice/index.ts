import { ApiError } from '@shared/api/errors';
import { parseSyncBatch } from '@shared/sync/envelope-check';
import {
  hoReportQuery,
  hoSnapshotQuery,
  type HoBranches,
  type HoPushResult,
  type HoReport,
  type HoSnapshotPage,
} from '@shared/api/headoffice';
import type { HoJournal } from '../../db/headoffice/journal';
import type { HoKeys, KeyIdentity } from '../../db/headoffice/keys';
import type { HoMaster } from '../../db/headoffice/master';
import {
  hoHistoryExportParams,
  hoHistoryExportQuery,
  hoHistoryQuery,
  type HoHistoryReport,
} from '@shared/api/headoffice-history';
import type { ExportFile } from '../exports';
import { hoHistoryExport } from './history-export';
import type { HoHistoryApp } from './history';
import { snapshotPage } from './snapshot';
import { hoConsentQuery, type HoConsentFeed } from '@shared/api/headoffice-consent';
import type { HoSettingsPushApp } from './settings-push';
import type { HoSettingsPublishResult } from '@shared/api/headoffice-settings';

export interface HeadOfficeAppDeps {
  keys: Pick<HoKeys, 'verify'>;
  journal: Pick<HoJournal, 'push' | 'notePull' | 'branches' | 'report'>;
  master: HoMaster;
  /** The cross-branch history (admin key). */
  history?: HoHistoryApp;
  /** Consent events of the other branches (Step 15, electron/db/headoffice/consent.ts). */
  consentFeed?: (
    branchId: string,
    q: { after: number; limit: number },
    now: number,
  ) => Promise<HoConsentFeed>;
  /** Publishing settings versions to branches (admin key). */
  settingsPush?: HoSettingsPushApp;
  now: () => number;
}

/** The key named as the caller meant it: a head-office tool holding a wrong admin key is not told about branch keys. */
const BAD_KEY = (scope: 'branch' | 'admin' = 'branch') =>
  scope === 'admin'
    ? new ApiError(
        401,
        'bad_admin_key',
        '总行管理密钥无效或已吊销',
        'The head-office admin key is invalid or revoked',
      )
    : new ApiError(401, 'bad_branch_key', '网点密钥无效或已吊销', 'The branch key is invalid or revoked');

const mismatch = (own: string, other: string) =>
  new ApiError(
    403,
    'branch_mismatch',
    `该密钥属于网点 ${own}，不能代表网点 ${other}`,
    `This key belongs to branch ${own} and cannot act for branch ${other}`,
  );

/**
 * The head office (role `headoffice`): branches push their journals and pull their snapshots with a branch key;
 * the head office's own tools read the branches and the report with an admin key. Every operation takes the raw
 * `Authorization` header and the raw input: the key is checked first, the input second, so a caller without a
 * valid key learns nothing about the input format.
 */
export class HeadOfficeApp {
  constructor(private readonly deps: HeadOfficeAppDeps) {}

  private async caller(authorization: string | undefined, scope: 'branch' | 'admin'): Promise<KeyIdentity> {
    if (!authorization || !authorization.startsWith('Bearer ')) throw BAD_KEY(scope);
    const who = await this.deps.keys.verify(authorization.slice(7).trim(), this.deps.now());
    if (!who) throw BAD_KEY(scope);
    if (who.scope !== scope) {
      throw new ApiError(
        403,
        'forbidden',
        scope === 'admin' ? '需要总行管理密钥' : '需要网点密钥',
        scope === 'admin' ? 'A head-office admin key is required' : 'A branch key is required',
      );
    }
    return who;
  }

  private async branch(authorization: string | undefined): Promise<{ id: string; code: string }> {
    const who = await this.caller(authorization, 'branch');
    if (!who.branchId || !who.branchCode) throw BAD_KEY();
    return { id: who.branchId, code: who.branchCode };
  }

  /** A branch's journal envelopes, all of its own branch; idempotent by event id. */
  async push(authorization: string | undefined, body: unknown): Promise<HoPushResult> {
    const branch = await this.branch(authorization);
    // hoPushBody (syncBatch), checked without zod for a valid batch (envelope-check.ts).
    const batch = parseSyncBatch(body ?? {});
    const other = batch.events.find((e) => e.branchCode !== branch.code);
    if (other) throw mismatch(branch.code, other.branchCode);
    return this.deps.journal.push(branch.id, batch.events, this.deps.now());
  }

  /** One page of the branch's snapshot; the last page records the pull. */
  async snapshot(authorization: string | undefined, query: unknown): Promise<HoSnapshotPage> {
    const branch = await this.branch(authorization);
    const q = hoSnapshotQuery.parse(query ?? {});
    if (q.branch !== branch.code) throw mismatch(branch.code, q.branch);
    const page = await snapshotPage(this.deps.master, branch.id, q);
    if (page.nextCursor === null) await this.deps.journal.notePull(branch.id, page.upTo, this.deps.now());
    return page;
  }

  /** Consent recorded at the other branches since `after`, so a withdrawal anywhere holds everywhere. */
  async consent(authorization: string | undefined, query: unknown): Promise<HoConsentFeed> {
    const branch = await this.branch(authorization);
    if (!this.deps.consentFeed) throw new ApiError(404, 'not_found', '未提供该功能', 'Not available here');
    return this.deps.consentFeed(branch.id, hoConsentQuery.parse(query ?? {}), this.deps.now());
  }

  async branches(authorization: string | undefined): Promise<HoBranches> {
    await this.caller(authorization, 'admin');
    return { branches: await this.deps.journal.branches() };
  }

  async report(authorization: string | undefined, query: unknown): Promise<HoReport> {
    await this.caller(authorization, 'admin');
    return this.deps.journal.report(hoReportQuery.parse(query ?? {}));
  }

  async publishSettings(authorization: string | undefined, body: unknown): Promise<HoSettingsPublishResult> {
    const who = await this.caller(authorization, 'admin');
    if (!this.deps.settingsPush) throw new ApiError(404, 'not_found', '未提供该功能', 'Not available here');
    return this.deps.settingsPush.publish(body, `key:${who.keyId}`);
  }

  private historyApp(): HoHistoryApp {
    if (!this.deps.history) throw new ApiError(404, 'not_found', '未提供该功能', 'Not available here');
    return this.deps.history;
  }

  async history(authorization: string | undefined, query: unknown): Promise<HoHistoryReport> {
    await this.caller(authorization, 'admin');
    return this.historyApp().history(hoHistoryQuery.parse(query ?? {}));
  }

  async historyExport(
    authorization: string | undefined,
    params: unknown,
    query: unknown,
  ): Promise<ExportFile> {
    await this.caller(authorization, 'admin');
    const { table } = hoHistoryExportParams.parse(params ?? {});
    const { format, ...q } = hoHistoryExportQuery.parse(query ?? {});
    return hoHistoryExport(await this.historyApp().history(q), table, format);
  }
}
