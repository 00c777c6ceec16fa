import { expect, test } from './fixtures';
import type { AuditPage } from '@shared/api/audit';
import type { BackupStatus } from '@shared/api/backups';
import { apiAs } from './floor-helpers';
import { LoginPage } from './pages';

/**
 * 恢复此备份… as a branch manager does it in the desktop app: pick a copy, read what it means, give the reason, see
 * it waiting for the next start, and call it off (the restart itself is test/fault/restore-on-start.test.ts).
 */
test('the manager asks for a restore at the next start, with a reason, and calls it off', async ({
  page,
  baseURL,
}) => {
  const api = await apiAs(baseURL as string, 'manager1');
  expect((await api.post('/api/backups')).status()).toBe(202);
  await expect
    .poll(async () => ((await (await api.get('/api/backups')).json()) as BackupStatus).running, {
      timeout: 30_000,
    })
    .toBeNull();
  const name = ((await (await api.get('/api/backups')).json()) as BackupStatus).files[0]?.name ?? '';
  expect(name).toMatch(/^branch-/);

  await page.setViewportSize({ width: 1366, height: 768 });
  await new LoginPage(page).login('manager1');
  await page.goto('/backups');
  await page.getByTestId(`restore-${name}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`用 ${name} 恢复网点数据库？`);
  await expect(dialog).toContainText('当前数据库改名保留');
  const ok = page.getByTestId('restore-ok');
  await expect(ok).toBeDisabled();
  await page.getByTestId('restore-reason').fill('数据库损坏，恢复中午的备份');
  await page.screenshot({ path: 'test/output/screens/backup-restore-dialog-768p.png' });
  await ok.click();
  await expect(dialog).toBeHidden();
  const pending = page.getByTestId('restore-pending');
  await expect(pending).toContainText(`下次启动网点服务器时用 ${name} 恢复数据库`);
  await expect(pending).toContainText('原因：数据库损坏，恢复中午的备份');
  // Whoever restarts the PC should know: a banner on every screen for managers and admins.
  await expect(page.getByTestId('backup-banner')).toContainText(
    `网点服务器下次启动时将用 ${name} 恢复数据库`,
  );
  await page.screenshot({ path: 'test/output/screens/backup-restore-pending-768p.png' });
  for (const [label, size] of [
    ['1080p', { width: 1920, height: 1080 }],
    ['tablet', { width: 768, height: 1024 }],
  ] as const) {
    await page.setViewportSize(size);
    await expect(pending).toBeVisible();
    await page.screenshot({ path: `test/output/screens/backup-restore-pending-${label}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.reload();
  await expect(pending).toContainText(`restored from ${name} when the branch server next starts`);
  await page.screenshot({ path: 'test/output/screens/backup-restore-pending-en.png' });
  await page.evaluate(() => localStorage.setItem('lang', 'zh-CN'));
  await page.reload();

  // Called off: nothing waits for the next start, and both steps are in the audit trail.
  await page.getByTestId('restore-cancel').click();
  await expect(pending).toBeHidden();
  await expect(page.getByTestId('backup-banner')).toBeHidden();
  const status = (await (await api.get('/api/backups')).json()) as BackupStatus;
  expect(status.pendingRestore).toBeNull();
  const audit = (await (await api.get('/api/audit?action=backup.restore*')).json()) as AuditPage;
  const mine = audit.rows.filter((r) => r.targetId === name).map((r) => [r.action, r.reason]);
  expect(mine).toEqual([
    ['backup.restore_cancelled', null],
    ['backup.restore_requested', '数据库损坏，恢复中午的备份'],
  ]);
  await api.dispose();
});
