import { z } from 'zod';
import type { HoSnapshotPage, HoSnapshotSection } from '@shared/api/headoffice';
import type { HoMaster } from '../../db/headoffice/master';
import { ApiError } from '@shared/api/errors';

const SECTIONS: readonly HoSnapshotSection[] = ['customers', 'products', 'campaigns', 'settings'];

/** Where the next page starts: the pull's fixed high-water mark, the section, the last key sent. */
const cursorSchema = z.object({
  u: z.number().int().min(0),
  s: z.enum(['customers', 'products', 'campaigns', 'settings']),
  k: z.string().max(200),
});
type Cursor = z.infer<typeof cursorSchema>;

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decode(token: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'bad_cursor', '分页游标无效', 'Invalid snapshot cursor');
  }
}

/**
 * One page of a branch's snapshot: rows whose rev is in (since, upTo], section after section.
 * `upTo` is fixed at the first page, so a pull is a consistent cut even while the head office
 * keeps changing data; what changes meanwhile has a higher rev and comes with the next pull.
 */
export async function snapshotPage(
  master: HoMaster,
  branchId: string,
  q: { since: number; cursor?: string | undefined; limit: number },
): Promise<HoSnapshotPage> {
  const cur: Cursor = q.cursor ? decode(q.cursor) : { u: await master.highWater(), s: 'customers', k: '' };
  const range = { since: q.since, upTo: cur.u };
  const page: HoSnapshotPage = {
    since: q.since,
    upTo: cur.u,
    section: cur.s,
    customers: [],
    products: [],
    campaigns: [],
    settings: null,
    nextCursor: null,
  };
  if (q.since >= cur.u) return page;
  // Empty sections are skipped within the same request; a full page stops here and says where to go on.
  for (let i = SECTIONS.indexOf(cur.s); i < SECTIONS.length; i++) {
    const section = SECTIONS[i] as HoSnapshotSection;
    const after = section === cur.s ? cur.k : '';
    page.section = section;
    let lastKey: string | null = null;
    let n = 0;
    if (section === 'customers') {
      page.customers = await master.customersPage(branchId, range, after, q.limit);
      n = page.customers.length;
      lastKey = page.customers.at(-1)?.customerNo ?? null;
    } else if (section === 'products') {
      page.products = await master.productsPage(branchId, range, after, q.limit);
      n = page.products.length;
      lastKey = page.products.at(-1)?.code ?? null;
    } else if (section === 'campaigns') {
      page.campaigns = await master.campaignsPage(branchId, range, after, q.limit);
      n = page.campaigns.length;
      lastKey = page.campaigns.at(-1)?.id ?? null;
    } else {
      page.settings = await master.settingsFor(branchId, range);
    }
    if (n === q.limit && lastKey !== null) {
      page.nextCursor = encode({ u: cur.u, s: section, k: lastKey });
      return page;
    }
    if (n > 0 || page.settings) {
      const next = SECTIONS[i + 1];
      page.nextCursor = next ? encode({ u: cur.u, s: next, k: '' }) : null;
      return page;
    }
  }
  return page;
}
