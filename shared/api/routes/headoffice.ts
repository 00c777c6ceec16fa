import { defineRoute, download, returns } from '../contract';
import type { HoBranches, HoPushResult, HoReport, HoSnapshotPage } from '../headoffice';
import type { HoHistoryReport } from '../headoffice-history';
import type { HoConsentFeed } from '../headoffice-consent';
import type { HoSettingsPublishResult } from '../headoffice-settings';

/**
 * The head office's API (role `headoffice` only; not part of the branch server's `routes`). Callers authenticate
 * with a head-office key (`Authorization: Bearer hok.<keyId>.<secret>`), checked before the input is read: a
 * caller without a valid key learns nothing about the input format. So the inputs (`hoPushBody`,
 * `hoSnapshotQuery`, `hoReportQuery` in shared/api/headoffice.ts) are validated by the handler, after the key.
 */
export const headOfficeRoutes = {
  publishSettings: defineRoute({
    method: 'POST',
    path: '/api/ho/settings',
    roles: null,
    summary:
      'Admin key: publish a settings version (whole config or sections) to every branch or the ones named; mandatory replaces local overrides',
    reply: returns<HoSettingsPublishResult>(),
  }),
  push: defineRoute({
    method: 'POST',
    path: '/api/ho/push',
    roles: null,
    summary: 'Branch key: push a batch of journal envelopes; idempotent by event id',
    reply: returns<HoPushResult>(),
  }),
  snapshot: defineRoute({
    method: 'GET',
    path: '/api/ho/snapshot',
    roles: null,
    summary: 'Branch key: customers (with cards and balances), products, campaigns, settings; paged',
    reply: returns<HoSnapshotPage>(),
  }),
  consent: defineRoute({
    method: 'GET',
    path: '/api/ho/consent',
    roles: null,
    summary:
      'Branch key: consent events the other branches recorded, in journal order (a withdrawal holds everywhere)',
    reply: returns<HoConsentFeed>(),
  }),
  branches: defineRoute({
    method: 'GET',
    path: '/api/ho/branches',
    roles: null,
    summary: 'Admin key: each branch with its last push and pull and event counts',
    reply: returns<HoBranches>(),
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/ho/report',
    roles: null,
    summary: 'Admin key: tickets, outcomes, follow-ups and complaints per branch and in total',
    reply: returns<HoReport>(),
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/ho/history',
    roles: null,
    summary:
      'Admin key: the history report (heat map, SL% by day, staff, conversion, complaints) across branches',
    reply: returns<HoHistoryReport>(),
  }),
  historyExport: defineRoute({
    method: 'GET',
    path: '/api/ho/history/export/:table',
    roles: null,
    summary: 'Admin key: one table of the cross-branch history as CSV/XLSX (masked)',
    reply: download(),
  }),
};
