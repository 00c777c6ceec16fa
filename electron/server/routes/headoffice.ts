import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HoPushResult } from '@shared/api/headoffice';
import { hoSnapshotQuery } from '@shared/api/headoffice';
import { syncBatch } from '@shared/sync/envelope';
import type { KeyIdentity } from '../../db/headoffice/keys';
import { ApiError } from '../errors';
import type { HeadOffice } from '../headoffice/services';
import { snapshotPage } from '../headoffice/snapshot';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const BAD_KEY = () =>
  new ApiError(401, 'bad_branch_key', '网点密钥无效或已吊销', 'The branch key is invalid or revoked');

/** Key first, body second: a caller without a valid key learns nothing about the input format. */
async function caller(ho: HeadOffice, req: FastifyRequest, scope: 'branch' | 'admin'): Promise<KeyIdentity> {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) throw BAD_KEY();
  const who = await ho.keys.verify(h.slice(7).trim(), ho.now());
  if (!who) throw BAD_KEY();
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

async function branchCaller(ho: HeadOffice, req: FastifyRequest): Promise<{ id: string; code: string }> {
  const who = await caller(ho, req, 'branch');
  if (!who.branchId || !who.branchCode) throw BAD_KEY();
  return { id: who.branchId, code: who.branchCode };
}

const mismatch = (own: string, other: string) =>
  new ApiError(
    403,
    'branch_mismatch',
    `该密钥属于网点 ${own}，不能代表网点 ${other}`,
    `This key belongs to branch ${own} and cannot act for branch ${other}`,
  );

const reportQuery = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});

/** Registered only in the `headoffice` role. */
export function headOfficeRoutes(http: Http, ho: HeadOffice): void {
  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/ho/push',
      roles: null,
      summary: 'Branch key: push a batch of journal envelopes; idempotent by event id',
      reply: returns<unknown>(),
    }),
    async ({ req }): Promise<HoPushResult> => {
      const branch = await branchCaller(ho, req);
      const batch = syncBatch.parse(req.body ?? {});
      const other = batch.events.find((e) => e.branchCode !== branch.code);
      if (other) throw mismatch(branch.code, other.branchCode);
      return ho.journal.push(branch.id, batch.events, ho.now());
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/ho/snapshot',
      roles: null,
      summary: 'Branch key: customers (with cards and balances), products, campaigns, settings; paged',
      reply: returns<unknown>(),
    }),
    async ({ req }) => {
      const branch = await branchCaller(ho, req);
      const q = hoSnapshotQuery.parse(req.query ?? {});
      if (q.branch !== branch.code) throw mismatch(branch.code, q.branch);
      const page = await snapshotPage(ho.master, branch.id, q);
      if (page.nextCursor === null) await ho.journal.notePull(branch.id, page.upTo, ho.now());
      return page;
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/ho/branches',
      roles: null,
      summary: 'Admin key: each branch with its last push and pull and event counts',
      reply: returns<unknown>(),
    }),
    async ({ req }) => {
      await caller(ho, req, 'admin');
      return { branches: await ho.journal.branches() };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/ho/report',
      roles: null,
      summary: 'Admin key: tickets, outcomes, follow-ups and complaints per branch and in total',
      reply: returns<unknown>(),
    }),
    async ({ req }) => {
      await caller(ho, req, 'admin');
      const q = reportQuery.parse(req.query ?? {});
      return ho.journal.report(q);
    },
  );
}
