import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoCustomerRow } from '@shared/api/headoffice';
import { classifyTier } from '@shared/customer/tier';
import type { Campaign } from '@shared/suggest/campaigns';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { loadBranchDb } from '../../electron/db/headoffice/bootstrap';
import { piiKeyId } from '../../electron/db/headoffice/pii-key';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { testPgUrl } from './pg';

const PG = testPgUrl();

type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;

/** What a branch sees of its customers, in a comparable form. */
function customerView(h: Hub) {
  return {
    customers: h.sql<Record<string, unknown>>(
      `SELECT c.customer_no, c.kind, c.name, c.id_hash, c.id_masked, c.phone_hash, c.phone_masked, c.segments,
         c.lifecycle, c.aum_fen, c.tier, c.risk_level, l.customer_no AS linked_no
       FROM customers c LEFT JOIN customers l ON l.id = c.linked_customer_id ORDER BY c.customer_no`,
    ),
    cards: h.sql(
      `SELECT c.customer_no, k.card_hash, k.card_masked FROM cards k JOIN customers c ON c.id = k.customer_id ORDER BY 1, 2`,
    ),
    holdings: h.sql(
      `SELECT c.customer_no, h.product_type, h.product_code, h.balance_fen, h.as_of
       FROM holdings h JOIN customers c ON c.id = h.customer_id ORDER BY 1, 2, 3, 4`,
    ),
  };
}

describe.skipIf(!PG)('head-office snapshot pulled into a branch', () => {
  let ho: Ho;
  let source: Hub;
  let target: Hub;
  let branchId = '';
  let key = '';
  let sourceCount = 0;
  const sync = (h: Hub, pageSize = 16) =>
    new HeadOfficeSync(h.ctx.headOfficeSyncDeps(), { url: ho.url, key, pageSize });

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    source = await startHub({ customers: 50, keys: testKeys() });
    target = await startHub({ customers: 0, keys: testKeys() });
    ({ branchId, key } = await enrol(ho, 'DEMO01'));
    sourceCount = source.sql<{ n: number }>('SELECT count(*) AS n FROM customers')[0]?.n ?? 0;
  });
  afterAll(async () => {
    await target?.stop();
    await source?.stop();
    await ho?.stop();
  });

  it('loads a branch database into PostgreSQL; loading it again changes nothing', async () => {
    const target0 = { branchId, piiKeyId: piiKeyId(source.ctx.pii), now: Date.now() };
    const first = await loadBranchDb(source.store, ho.ho.master, target0);
    expect(first.customers).toEqual({ inserted: sourceCount, updated: 0, unchanged: 0 });
    expect(first.products).toBeGreaterThan(10);
    const mark = await ho.ho.master.highWater();
    const again = await loadBranchDb(source.store, ho.ho.master, target0);
    expect(again.customers).toEqual({ inserted: 0, updated: 0, unchanged: sourceCount });
    expect(again.products).toBe(0);
    // No row took a new rev, so a branch pulls nothing for it.
    const moved = await ho.ho.db.pool.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM customers WHERE rev > $1) + (SELECT count(*) FROM products WHERE rev > $1) AS n`,
      [mark],
    );
    expect(moved.rows[0]?.n).toBe(0);
    const linked = await ho.ho.db.pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE linked_customer_id IS NOT NULL`,
    );
    const sourceLinked = source.sql<{ n: number }>(
      'SELECT count(*) AS n FROM customers WHERE linked_customer_id IS NOT NULL',
    )[0]?.n;
    expect(linked.rows[0]?.n).toBe(sourceLinked);
  });

  it('pulls page by page into an empty branch, which then holds what the source holds', async () => {
    expect(target.sql<{ n: number }>('SELECT count(*) AS n FROM customers')[0]?.n).toBe(0);
    const r = await sync(target).pull();
    expect(r.pages).toBeGreaterThanOrEqual(Math.ceil(sourceCount / 16));
    expect(r.customers).toMatchObject({ inserted: sourceCount, updated: 0, conflicts: 0, foreignKey: 0 });
    expect(r.links).toBeGreaterThan(0);
    expect(customerView(target)).toEqual(customerView(source));
    const codes = (h: Hub) =>
      h.sql<{ code: string }>('SELECT code FROM products ORDER BY code').map((p) => p.code);
    expect(codes(target)).toEqual(codes(source));

    // Same bank-wide PII key: a walk-in is found by ID number and by card at the new branch.
    const teller = await target.login('teller1');
    const lookup = async (q: string) =>
      (
        (await (
          await fetch(`${target.url}/api/customers/lookup?q=${q}`, {
            headers: { authorization: `Bearer ${teller}` },
          })
        ).json()) as { customers: { customerNo: string }[] }
      ).customers.map((c) => c.customerNo);
    expect(await lookup(SHOWCASE.private.idNumber)).toEqual([SHOWCASE.private.customerNo]);
    expect(await lookup(SHOWCASE.private.card)).toEqual([SHOWCASE.private.customerNo]);
  });

  it('pulls nothing the second time', async () => {
    const before = target.ctx.settings.current().version;
    const r = await sync(target).pull();
    expect(r.pages).toBe(1);
    expect(r.customers).toEqual({ inserted: 0, updated: 0, unchanged: 0, conflicts: 0, foreignKey: 0 });
    expect(r.settingsVersion).toBeNull();
    expect(target.ctx.settings.current().version).toBe(before);
    // Starting over from zero re-applies every row and still changes nothing.
    target.store.sqlite.prepare(`UPDATE ho_sync_state SET value = '0' WHERE key = 'pull_since'`).run();
    const full = await sync(target).pull();
    expect(full.customers).toMatchObject({ inserted: 0, updated: 0, unchanged: sourceCount });
    expect(customerView(target)).toEqual(customerView(source));
  });

  it('hands down a changed balance on the next pull, tiered by the branch’s own bands', async () => {
    const all = await ho.ho.master.customersPage(
      branchId,
      { since: 0, upTo: Number.MAX_SAFE_INTEGER },
      '',
      10_000,
    );
    const row = all.find((c) => c.customerNo === SHOWCASE.potential.customerNo) as HoCustomerRow;
    const bands = target.ctx.rules().customer.tiers;
    const newAum = (bands.find((b) => b.key === 'high')?.minFen ?? 0) + 1234;
    const holdings = [
      {
        id: 'hold-1',
        productType: 'time_deposit',
        productCode: 'TD_STANDARD',
        balanceFen: newAum,
        asOf: Date.now(),
      },
    ];
    await ho.ho.master.upsertCustomers(
      branchId,
      [{ ...row, aumFen: newAum, tier: 'potential', holdings, updatedAt: Date.now() }],
      row.piiKeyId,
    );
    const r = await sync(target).pull();
    expect(r.customers).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const [c] = target.sql<{ aum_fen: number; tier: string; id: string }>(
      'SELECT id, aum_fen, tier FROM customers WHERE customer_no = ?',
      SHOWCASE.potential.customerNo,
    );
    expect(c?.aum_fen).toBe(newAum);
    expect(c?.tier).toBe(classifyTier(newAum, bands).tier);
    expect(c?.tier).toBe('high');
    expect(target.sql('SELECT product_code, balance_fen FROM holdings WHERE customer_id = ?', c?.id)).toEqual(
      [{ product_code: 'TD_STANDARD', balance_fen: newAum }],
    );
    expect(target.sql('SELECT aum_fen FROM aum_snapshots WHERE customer_id = ?', c?.id)).toContainEqual({
      aum_fen: newAum,
    });
  });

  it('turns head-office campaigns and settings into one new settings version, and withdraws campaigns', async () => {
    const campaign: Campaign = {
      id: 'ho_spring_deposit',
      name: { zh: '总行春季存款季', en: 'Head-office spring deposits' },
      productCodes: ['TD_STANDARD'],
      boost: 5,
    };
    const now = Date.now();
    await ho.ho.master.putCampaign(campaign, null, true, now);
    const visit = { ...target.ctx.rules().visit, followUpDefaultDays: 11 };
    await ho.ho.master.publishSettings({ visit }, null, 'test', '季度规则', now);
    const before = target.ctx.settings.current().version;

    const r = await sync(target).pull();
    expect(r.rulesIssues).toEqual([]);
    expect(r.settingsVersion).toBe(before + 1);
    const rules = target.ctx.rules();
    expect(rules.visit.followUpDefaultDays).toBe(11);
    expect(rules.suggest.campaigns.map((c) => c.id)).toContain('ho_spring_deposit');
    expect(rules.branch.code).toBe('DEMO01');
    const audit = target.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'settings.headoffice'`,
    );
    expect(audit.length).toBe(1);

    expect((await sync(target).pull()).settingsVersion).toBeNull();

    await ho.ho.master.putCampaign(campaign, null, false, Date.now());
    const w = await sync(target).pull();
    expect(w.settingsVersion).toBe(before + 2);
    expect(target.ctx.rules().suggest.campaigns.map((c) => c.id)).not.toContain('ho_spring_deposit');
    expect(target.ctx.rules().visit.followUpDefaultDays).toBe(11);
  });

  it('refuses a campaign the branch catalogue cannot carry and keeps its rules', async () => {
    const before = target.ctx.settings.current().version;
    await ho.ho.master.putCampaign(
      {
        id: 'ho_unknown_product',
        name: { zh: '未知产品', en: 'Unknown product' },
        productCodes: ['NOPE-1'],
        boost: 3,
      },
      null,
      true,
      Date.now(),
    );
    const r = await sync(target).pull();
    expect(r.settingsVersion).toBeNull();
    expect(r.rulesIssues.length).toBeGreaterThan(0);
    expect(target.ctx.settings.current().version).toBe(before);
  });

  it('keeps only the masks at a branch whose PII key differs', async () => {
    const other = await startHub({ customers: 0 });
    try {
      const r = await sync(other, 1000).pull();
      expect(r.customers.foreignKey).toBe(sourceCount);
      expect(r.customers.inserted).toBe(sourceCount);
      const rows = other.sql<{ id_hash: string | null; id_masked: string | null }>(
        'SELECT id_hash, id_masked FROM customers WHERE customer_no = ?',
        SHOWCASE.private.customerNo,
      );
      expect(rows[0]?.id_hash).toBeNull();
      expect(rows[0]?.id_masked).toBeTruthy();
      expect(other.sql('SELECT * FROM cards')).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
