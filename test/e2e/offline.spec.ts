import { expect, test, type Page } from './fixtures';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type LinkProxy } from '../fault/proxy';
import { LoginPage } from './pages';

/**
 * A counter terminal (port 5795, its own SQLite) beside the hub that Playwright serves (E2E_PORT): the link
 * between them is a loopback proxy the test cuts, as a pulled cable would.
 */
const hubPort = Number(process.env.E2E_PORT ?? 5791);
const termPort = Number(process.env.E2E_TERMINAL_PORT ?? hubPort + 1);
const term = `http://127.0.0.1:${termPort}`;
const shots = 'test/output/screens';
let link: LinkProxy;
let child: ChildProcess;
let dir: string;

test.beforeAll(async () => {
  // Seeding the hub, enrolling the terminal and its first snapshot take a while on a loaded 2-core machine.
  test.setTimeout(120_000);
  link = await startProxy({ host: '127.0.0.1', port: hubPort });
  dir = mkdtempSync(join(tmpdir(), 'e2e-terminal-'));
  child = spawn(
    process.execPath,
    [
      'dist/server/cli.js',
      '--role',
      'terminal',
      '--hub',
      link.url,
      '--port',
      String(termPort),
      '--data',
      join(dir, 'data'),
      '--enroll-user',
      'manager1',
      '--enroll-password',
      'demo1234',
      '--log-level',
      'warn',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // Up, and its first snapshot has brought the staff.
  let token = '';
  await expect
    .poll(
      async () => {
        const r = await fetch(`${term}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'teller1', password: 'demo1234' }),
        }).catch(() => null);
        if (r?.status === 200) token = ((await r.json()) as { token: string }).token;
        return r?.status ?? 0;
      },
      // Login attempts are rate-limited per address (30 a minute): poll gently while the first snapshot arrives.
      { timeout: 90_000, intervals: [2_500] },
    )
    .toBe(200);
  // Staff come first; customers and settings follow. Until the whole first snapshot is in, a terminal cut from
  // the hub says it is still downloading (it has nothing to work offline with), not 离线模式: wait for it.
  await expect
    .poll(
      async () => {
        const r = await fetch(`${term}/api/sync/status`, { headers: { authorization: `Bearer ${token}` } });
        return r.ok ? ((await r.json()) as { phase: string }).phase : `http ${r.status}`;
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe('online');
});

/** A teller at the terminal's counter screen. The terminal is another origin than Playwright's baseURL (the hub). */
async function tellerAtTerminal(page: Page): Promise<void> {
  page.context().setDefaultNavigationTimeout(20_000);
  await page.goto(`${term}/login`);
  await page.getByLabel('用户名').fill('teller1');
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('me')).toBeVisible();
  await page.goto(`${term}/counter`);
  await expect(page.getByTestId('counter')).toBeVisible();
}

test.afterAll(async () => {
  child?.kill('SIGTERM');
  await link?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, 'data') + '.keys', { recursive: true, force: true });
});

test('the terminal shows 离线模式 while the hub is away and sends its work up on reconnect', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await tellerAtTerminal(page);
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  link.cut();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('offline-banner')).toContainText('离线模式');
  await expect(page.getByTestId('queue-offline-note')).toBeVisible();

  // The counter keeps working: walk-ins get numbers from this terminal's block, and are served. Other specs may
  // have left tickets waiting in the same queue on the hub: count from what the terminal showed before.
  const before = Number((await page.getByTestId('waiting-individual').textContent()) ?? '0');
  const issued: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await page.request.post(`${term}/api/tickets`, {
      data: { customerId: null, intents: ['account_open'] },
    });
    expect(r.status()).toBe(201);
    const { ticket } = (await r.json()) as { ticket: { id: string; displayNo: string } };
    expect(ticket.displayNo).toMatch(/^A3\d\d$/);
    issued.push(ticket.id);
  }
  await expect(page.getByTestId('offline-banner')).toContainText('待上传 3 条');
  await expect(page.getByTestId('offline-banner')).toContainText('A303–A399');
  await expect(page.getByTestId('waiting-individual')).toHaveText(String(before + 3));
  await page.screenshot({ path: `${shots}/offline-banner.png`, fullPage: true });

  link.heal();
  await expect(page.getByTestId('reconnected-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('reconnected-banner')).toContainText('条离线记录已上传');
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/offline-reconnected.png`, fullPage: true });

  // The hub has them.
  const hubLogin = await fetch(`http://127.0.0.1:${hubPort}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lobby1', password: 'demo1234' }),
  });
  const { token } = (await hubLogin.json()) as { token: string };
  for (const id of issued) {
    const r = await fetch(`http://127.0.0.1:${hubPort}/api/tickets/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
  }
});

test('a terminal the hub no longer knows says it must be enrolled again, and how, in both languages', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await tellerAtTerminal(page);
  const status = await page.request.get(`${term}/api/sync/status`);
  const { deviceId } = (await status.json()) as { deviceId: string };

  // What a hub restored from a copy older than this terminal's enrollment holds: no row for it.
  const hubDb = new Database(join(process.env.E2E_DATA_DIR as string, 'data', 'branch.db'));
  hubDb.pragma('busy_timeout = 5000'); // the hub writes too: wait for its transaction rather than fail
  const row = hubDb.prepare('SELECT * FROM sync_devices WHERE device_id = ?').get(deviceId) as Record<
    string,
    unknown
  >;
  expect(row).toBeDefined();
  hubDb.prepare('DELETE FROM sync_devices WHERE device_id = ?').run(deviceId);
  try {
    const banner = page.getByTestId('offline-banner');
    await expect(banner).toContainText('本终端需要重新登记', { timeout: 20_000 });
    await expect(page.getByTestId('not-enrolled')).toContainText('更改用途');
    await page.screenshot({ path: `${shots}/not-enrolled-1440.png`, fullPage: true });
    for (const [w, h, name] of [
      [1366, 768, '1366'],
      [1920, 1080, '1920'],
      [810, 1080, 'tablet'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await expect(banner).toBeVisible();
      await page.screenshot({ path: `${shots}/not-enrolled-${name}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.reload();
    await expect(banner).toContainText('This terminal must be enrolled again');
    await expect(page.getByTestId('counter')).toBeVisible();
    await expect(page.getByTestId('not-enrolled')).toContainText('Change role');
    await page.screenshot({ path: `${shots}/not-enrolled-en.png` });
    await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
  } finally {
    // Enrolled again (the row back, as a new enrollment would make it): the banner goes.
    const cols = Object.keys(row);
    hubDb
      .prepare(
        `INSERT INTO sync_devices (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      )
      .run(row);
    hubDb.close();
  }
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 20_000 });
});

test('the manager revokes a lost counter PC at the hub (员工与窗口 → 柜台终端); its counter says so at once', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await tellerAtTerminal(page);
  const { deviceId } = (await (await page.request.get(`${term}/api/sync/status`)).json()) as {
    deviceId: string;
  };

  const hub = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await new LoginPage(hub).login('manager1');
  await hub.goto('/staff');
  await hub.getByRole('tab', { name: '柜台终端' }).click();
  const row = hub.getByTestId(`terminal-row-${deviceId}`);
  await expect(row).toContainText('在用');
  await expect(row).toContainText('网点负责人'); // enrolled with manager1's login: the display name
  await expect(row).toContainText(hostname()); // the PC's own name: the manager knows which one it is
  await hub.screenshot({ path: `${shots}/terminals-1366.png` });
  await hub.getByTestId(`terminal-revoke-${deviceId}`).click();
  const ok = hub.getByTestId('terminal-revoke-ok');
  await expect(ok).toBeDisabled(); // a reason first
  await hub.getByTestId('terminal-revoke-reason').fill('柜台电脑送修');
  await hub.screenshot({ path: `${shots}/terminals-revoke-1366.png` });
  await ok.click();
  await expect(hub.getByText(/^已停用 /).first()).toBeVisible();
  await expect(row).toContainText('已停用');
  await expect(hub.getByTestId(`terminal-revoke-${deviceId}`)).toHaveCount(0);
  for (const [w, h, name] of [
    [1920, 1080, '1920'],
    [810, 1080, 'tablet'],
  ] as const) {
    await hub.setViewportSize({ width: w, height: h });
    await hub.screenshot({ path: `${shots}/terminals-${name}.png` });
  }
  await hub.setViewportSize({ width: 1366, height: 768 });
  await hub.evaluate(() => localStorage.setItem('lang', 'en'));
  await hub.reload();
  await hub.getByRole('tab', { name: 'Counter terminals' }).click();
  await expect(row).toContainText('Revoked');
  await hub.screenshot({ path: `${shots}/terminals-en.png` });
  await hub.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
  await hub.close();

  try {
    // The terminal's next try at the hub is refused: its counter says it must be enrolled again.
    await expect(page.getByTestId('offline-banner')).toContainText('本终端需要重新登记', { timeout: 20_000 });
    await expect(page.getByTestId('offline-banner')).toContainText('柜台终端');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${shots}/not-enrolled-revoked.png` });
  } finally {
    // Enrolled again, as a manager's login at the PC would do: the banner goes (and the next test has its terminal).
    const hubDb = new Database(join(process.env.E2E_DATA_DIR as string, 'data', 'branch.db'));
    hubDb.pragma('busy_timeout = 5000');
    hubDb.prepare('UPDATE sync_devices SET revoked_at = NULL WHERE device_id = ?').run(deviceId);
    hubDb.close();
  }
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 20_000 });
});
