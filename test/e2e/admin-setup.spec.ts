import { expect, test } from './fixtures';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESK_VIEWPORT, SHOTS } from './admin-helpers';

test.use({ viewport: DESK_VIEWPORT });

/** A fresh install: the first administrator is set up once, then logs in like anyone else. */

test('a fresh install asks for the administrator, then logs in with it', async ({ page }) => {
  // A server of its own without demo data: nobody exists yet.
  const dir = mkdtempSync(join(tmpdir(), 'triage-setup-'));
  const server = spawn(
    process.execPath,
    ['dist/server/cli.js', '--port', '0', '--no-demo', '--data', join(dir, 'data'), '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /Open (http:\/\/[^\s/]+)\//.exec(out);
        if (m) resolve(m[1] as string);
      });
      server.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
      setTimeout(() => reject(new Error(`no URL in: ${out}`)), 30_000);
    });
    await page.goto(`${url}/login`);
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByTestId('setup-username').fill('chief');
    await page.getByTestId('setup-displayName').fill('行长 陈');
    await page.getByTestId('setup-password').fill('weak');
    await page.getByTestId('setup-confirm').fill('weak');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-screen')).toContainText('密码至少 8 位');
    await page.getByTestId('setup-password').fill('Chief2025');
    await page.getByTestId('setup-confirm').fill('Chief2025');
    await page.screenshot({ path: `${SHOTS}/setup.png`, fullPage: true });
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('me')).toContainText('行长 陈');
    // Setup is done for good: the login screen no longer sends anyone there.
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`${url}/setup`);
    await expect(page).toHaveURL(/\/login$/);
  } finally {
    // Removed once the server has let go of its files (it checkpoints on the way out).
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
