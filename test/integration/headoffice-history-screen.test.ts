import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoHistoryReport } from '@shared/api/headoffice-history';
import { defaultRulesConfig } from '@shared/config/schema';
import { branchDay } from '@shared/queue';
import { seedHistory } from '../../electron/db/demo/history';
import { daysBefore } from '../../electron/db/demo/visits';
import { testKeys } from '../../electron/db/pii';
import { startHeadOffice, type HeadOfficeServer } from '../../electron/server/headoffice/start';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { startHub, type Hub } from './headoffice-harness';
import { balances, writeSnapshots } from './ho-snapshots';
import { freshDatabase, testPgUrl } from './pg';

/**
 * The head office's history screen in a real browser, against a head office started here on the test PostgreSQL
 * with three branches' pushed history (four weeks before today). Needs the built renderer (`npm run build`) and
 * Chromium: HO_SCREEN=1 npx vitest run test/integration/headoffice-history-screen.test.ts (skipped otherwise).
 * Saves screenshots to test/output/screens/ho-reports/. HO_SCREEN_PORT (default 5811) fixes the port.
 */
const PG = process.env.HO_SCREEN ? testPgUrl() : null;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'test/output/screens/ho-reports');
const SIZES = [
  [1920, 1080],
  [1366, 768],
  [800, 1280],
] as const;

describe.skipIf(!PG)('head-office history screen (/ho/reports)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ho: HeadOfficeServer;
  let browser: Browser;
  const hubs: Hub[] = [];
  let admin = '';

  beforeAll(async () => {
    db = await freshDatabase(PG as string);
    ho = await startHeadOffice(
      { pg: db.url, port: Number(process.env.HO_SCREEN_PORT ?? 5811), host: '127.0.0.1' },
      { log: pino({ level: 'silent' }), version: 'test', staticDir: join(ROOT, 'dist/renderer') },
    );
    const days = daysBefore(branchDay(Date.now()), 28);
    // Balance snapshots 60 and 35 days ago and 7 days ago: the default matrix is the one before the period → in it.
    const snaps = [60, 35, 7].map((d) => Date.now() - d * 86_400_000);
    for (const [code, name, seed, perDay] of [
      ['BJ001', '北京西单支行', 3, 90],
      ['SH002', '上海陆家嘴支行', 5, 120],
      ['GZ003', '广州天河支行', 7, 60],
    ] as const) {
      const hub = await startHub({ customers: 150, keys: testKeys(), branchCode: code });
      hubs.push(hub);
      seedHistory(hub.store, defaultRulesConfig, { days, perDay, seed, outcomes: true });
      writeSnapshots(hub, snaps, balances(seed, 150, snaps.length));
      const branchId = await ho.ho.keys.addBranch(code, name, Date.now());
      const { token } = await ho.ho.keys.issue({ scope: 'branch', branchId }, null, Date.now());
      await new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), {
        url: ho.url,
        key: token,
        batchSize: 2000,
      }).push();
    }
    admin = (await ho.ho.keys.issue({ scope: 'admin' }, null, Date.now())).token;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    for (const h of hubs) await h.stop();
    await ho?.close();
    await db?.drop();
  });

  it('asks for the admin key, shows all branches and one, in Chinese and English', async () => {
    const api = (await (
      await fetch(`${ho.url}/api/ho/history`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as HoHistoryReport;
    expect(api.branches).toHaveLength(3);
    for (const [w, h] of SIZES) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      await page.goto(`${ho.url}/`);
      await page.waitForURL('**/ho/reports');
      await page.getByTestId('ho-key-form').waitFor();
      if (w === 1920) {
        // A wrong key is refused and the form asks again.
        await page.getByTestId('ho-key').fill('hok.0000000000000000.wrong');
        await page.getByTestId('ho-key-submit').click();
        await page.getByTestId('ho-key-form').getByRole('alert').waitFor();
        await page.screenshot({ path: join(SHOTS, `key-${w}x${h}.png`) });
      }
      await page.getByTestId('ho-key').fill(admin);
      await page.getByTestId('ho-key-submit').click();
      await page.getByTestId('ho-total').waitFor();
      await expect(page.getByTestId('ho-total').textContent()).resolves.toContain(
        String(api.report.total.arrived),
      );
      await expect(
        page.getByTestId('ho-branch-table').locator('tbody tr.ant-table-row').count(),
      ).resolves.toBe(3);
      await page.getByTestId('ho-chart-heat').locator('canvas').first().waitFor();
      // Tier migration from the branches' snapshots, tiers by name; staff by "name (branch)".
      await expect(page.getByTestId('ho-migration-table').textContent()).resolves.toContain('中端客户');
      await expect(page.getByTestId('ho-staff-table').textContent()).resolves.toMatch(
        /\((BJ001|SH002|GZ003)\)/,
      );
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(SHOTS, `all-${w}x${h}.png`), fullPage: true });
      await page.close();
    }

    // English, one branch picked, in the same tab: the key is remembered for the tab.
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => localStorage.setItem('lang', 'en'));
    await page.goto(`${ho.url}/ho/reports`);
    await page.getByTestId('ho-key').fill(admin);
    await page.getByTestId('ho-key-submit').click();
    await page.getByTestId('ho-total').waitFor();
    await page.getByTestId('ho-branch').click();
    await page.getByTitle('SH002 上海陆家嘴支行').click();
    await expect.poll(() => page.getByTestId('ho-total').textContent()).toContain('SH002');
    const one = (await (
      await fetch(`${ho.url}/api/ho/history?branch=SH002`, { headers: { authorization: `Bearer ${admin}` } })
    ).json()) as HoHistoryReport;
    await expect(page.getByTestId('ho-total').textContent()).resolves.toContain(
      String(one.report.total.arrived),
    );
    await expect.poll(() => page.url()).toContain('branch=SH002');
    await page.reload();
    await expect.poll(() => page.getByTestId('ho-total').textContent()).toContain('SH002');
    await page.getByTestId('ho-total').waitFor();
    await page.waitForTimeout(600);
    await expect(page.getByTestId('ho-migration-table').textContent()).resolves.toContain('Mid-tier');
    await expect(page.getByTestId('ho-staff-table').textContent()).resolves.toContain('(SH002)');
    await page.screenshot({ path: join(SHOTS, `branch-en-1366x768.png`), fullPage: true });
    // The key never lands in localStorage.
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(admin.slice(0, 20));
    await page.close();
  }, 180_000);
});
