import { expect, test, type Page } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginPage } from './pages';
import { SIZES, shot } from './step10';

/** 人员管理 → 叫号屏 → a new display token; answers the dialog. */
async function addDisplay(page: Page, name: string) {
  await page.goto('/staff');
  await page.getByRole('tab', { name: '叫号屏' }).click();
  await page.getByTestId('display-add').click();
  await page.getByTestId('display-name').fill(name);
  await page.getByTestId('display-create').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('display-url')).toBeVisible();
  return dialog;
}

test('without LAN mode the display dialog says only this PC can open it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: SIZES['768p'] });
  const page = await context.newPage();
  await new LoginPage(page).login('manager1');
  const dialog = await addDisplay(page, `本机测试屏 ${Date.now() % 10000}`);
  await expect(dialog.getByTestId('display-no-lan')).toContainText('--lan');
  await expect(dialog.getByTestId('display-lan-url')).toHaveCount(0);
  await context.close();
});

test.describe('a hub in LAN mode', () => {
  let server: ChildProcess;
  let dir: string;
  let base: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'e2e-lan-'));
    const args = ['dist/server/cli.js', '--lan', '--port', '0', '--data', join(dir, 'data')];
    server = spawn(process.execPath, [...args, '--demo-customers', '50', '--log-level', 'warn'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const child = server;
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /Open (http:\/\/[^\s/]+)\//.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
      setTimeout(() => reject(new Error(`no URL in: ${out}`)), 90_000);
    });
  });

  test.afterAll(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('shows the hub LAN addresses with a QR code, and the TV opens the board from one', async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: base, viewport: SIZES['768p'] });
    const page = await context.newPage();
    await new LoginPage(page).login('manager1');
    const dialog = await addDisplay(page, '大堂东侧电视');
    const urls = dialog.getByTestId('display-lan-url');
    expect(await urls.count()).toBeGreaterThan(0);
    const first = (await urls.first().locator('code').textContent()) ?? '';
    for (const text of await urls.locator('code').allTextContents()) {
      expect(text).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/display\?token=[\w-]{16,}$/);
      expect(text).not.toContain('127.0.0.1');
    }
    // Each address has its QR code, made from that very address.
    const qr = urls.first().getByTestId('display-qr');
    await expect(qr).toHaveAttribute('data-text', first);
    await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/);
    await shot(page, 'staff-display-lan-768p');
    await context.close();

    // The TV on the LAN opens the address as shown: the token is accepted and the board appears.
    const tv = await browser.newContext({ viewport: SIZES['1080p'] });
    const screen = await tv.newPage();
    await screen.goto(first);
    await expect(screen.getByTestId('queue-board')).toContainText('个人业务');
    await tv.close();
  });
});
