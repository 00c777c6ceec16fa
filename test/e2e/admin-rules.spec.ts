import { expect, test, type Page } from './fixtures';
import { DESK_VIEWPORT, SHOTS } from './admin-helpers';
import { LoginPage } from './pages';
import { confirmSave, openSection } from './settings-helpers';

test.use({ viewport: DESK_VIEWPORT });

/**
 * Versioned settings (规则设置): a change with who and why, refusals naming the field, rollback, the audit of both,
 * and the administrator's raw JSON view.
 */

async function tab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await expect(page.getByTestId(`section-${key}`)).toBeVisible();
}

async function currentVersion(page: Page): Promise<number> {
  const text = (await page.getByTestId('settings-current').textContent()) ?? '';
  const m = /当前第 (\d+) 版/.exec(text);
  expect(m, `current version in "${text}"`).not.toBeNull();
  return Number(m?.[1]);
}

test('a branch manager changes the elderly age, is refused a negative tier band, and rolls back', async ({
  page,
}) => {
  await new LoginPage(page).login('manager1');
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
  await page.getByRole('menuitem', { name: '规则设置' }).click();
  // As long as openSection waits: the settings screen is the heaviest to load on a busy machine.
  await expect(page.getByTestId('section-general')).toBeVisible({ timeout: 30_000 });
  const before = await currentVersion(page);

  // 1. A simple value through the form: a new version with who and why.
  const general = page.getByTestId('section-general');
  const age = general.getByLabel('老年客户年龄（岁）');
  await expect(age).toHaveValue('60');
  await age.fill('65');
  await page.getByTestId('note-general').fill('老年客户年龄按分行通知调整为65岁');
  await page.getByTestId('save-general').click();
  // Saving asks for a confirmation that says what changes, in words.
  await expect(page.getByTestId('confirm-changes')).toContainText('客户：老年客户年龄 60 → 65');
  await confirmSave(page, before + 1);
  await expect(page.getByTestId('settings-current')).toContainText('刘洋');
  await expect(general.getByLabel('老年客户年龄（岁）')).toHaveValue('65');
  await page.screenshot({ path: `${SHOTS}/settings-general.png`, fullPage: true });

  await tab(page, 'versions');
  const row = page.getByTestId(`version-row-${before + 1}`);
  await expect(row).toContainText('老年客户年龄按分行通知调整为65岁');
  await expect(row).toContainText('刘洋');
  await expect(row).toContainText('当前');
  await page.getByTestId(`view-${before}`).click();
  const diff = page.getByTestId('version-words');
  await expect(diff).toContainText('客户：老年客户年龄 60 → 65');
  await page.screenshot({ path: `${SHOTS}/settings-version-diff.png`, fullPage: true });
  await page.keyboard.press('Escape');
  await expect(diff).toBeHidden();

  // 2. A bad value is refused with the field and the reason, next to the field and in the section.
  await tab(page, 'tiers');
  const band = page.getByTestId('tier-row-2');
  await band.locator('input').last().fill('-100');
  await page.getByTestId('note-tiers').fill('试一个负数下限');
  await page.getByTestId('save-tiers').click();
  const issues = page.getByTestId('section-tiers').getByTestId('section-issues');
  await expect(issues).toBeVisible();
  await expect(issues).toContainText('层级「中端客户」·资产下限');
  await expect(issues).toContainText('不能小于 0');
  await expect(band).toContainText('不能小于 0');
  await page.screenshot({ path: `${SHOTS}/settings-refused.png`, fullPage: true });
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 1} 版`);

  // The server refuses the same value on its own, naming the field (no client check in the way).
  const cur = (await (await page.request.get('/api/settings')).json()) as {
    config: { customer: { tiers: { minFen: number }[] } };
  };
  const bad = structuredClone(cur.config);
  (bad.customer.tiers[2] as { minFen: number }).minFen = -100;
  const refused = await page.request.put('/api/settings', { data: { config: bad, note: 'bad' } });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { code: string; details: { path: string }[] } };
  expect(body.error.code).toBe('invalid_settings');
  expect(body.error.details.map((d) => d.path)).toContain('customer.tiers.2.minFen');

  // 3. Roll back to the version before the change: the elderly age is 60 again, as a new version.
  await page.getByTestId('section-tiers').getByRole('button', { name: '撤销修改' }).click();
  await tab(page, 'versions');
  await page.getByTestId(`rollback-${before}`).click();
  await page.getByTestId('rollback-note').fill('恢复原老年年龄');
  await page.getByTestId('rollback-confirm').click();
  await expect(page.getByText(`第 ${before} 版的内容已保存为第 ${before + 2} 版`)).toBeVisible();
  await expect(page.getByTestId('settings-current')).toContainText(`当前第 ${before + 2} 版`);
  await expect(page.getByTestId(`version-row-${before + 2}`)).toContainText('恢复原老年年龄');
  await tab(page, 'general');
  await expect(page.getByTestId('section-general').getByLabel('老年客户年龄（岁）')).toHaveValue('60');
  await page.screenshot({ path: `${SHOTS}/settings-after-rollback.png`, fullPage: true });

  // 4. The audit screen shows both changes, by whom.
  await page.getByRole('menuitem', { name: '网点管理' }).hover();
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByTestId('audit-screen')).toBeVisible();
  await page.getByTestId('audit-action').locator('input').fill('settings.*');
  await page.getByTestId('audit-search').click();
  const table = page.getByTestId('audit-table');
  // Other specs (or a repeat of this one) on the same server change settings too: at least this run's rows are there.
  await expect(table.getByText('设置回滚').first()).toBeVisible();
  await expect(table.getByText('修改设置').first()).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: '修改设置' }).first()).toContainText('刘洋');
  await expect(table).toContainText('老年客户年龄按分行通知调整为65岁');
  // Only settings rows: the filter reached the server.
  const codes = await table.getByTestId('audit-action-code').allTextContents();
  expect(codes.length).toBeGreaterThanOrEqual(2);
  expect(codes.every((c) => c.startsWith('settings.'))).toBe(true);
  await page.screenshot({ path: `${SHOTS}/audit-settings.png`, fullPage: true });
});

test('a JSON section (campaigns, the administrator view) is refused with the field path, and a valid edit saves', async ({
  page,
}) => {
  // Branch managers edit campaigns as a form (step16-forms.spec.ts); the raw JSON stays behind the admin's switch.
  await new LoginPage(page).login('admin');
  await openSection(page, 'campaigns');
  await page.getByTestId('json-view').click();
  const before = await currentVersion(page);
  const editor = page.getByTestId('json-campaigns');
  const campaigns = JSON.parse(await editor.inputValue()) as { productCodes: string[]; zh?: string }[];
  expect(campaigns.length).toBeGreaterThan(0);

  const bad = structuredClone(campaigns);
  (bad[0] as { productCodes: string[] }).productCodes[0] = 'NO_SUCH_PRODUCT';
  await editor.fill(JSON.stringify(bad, null, 2));
  await page.getByTestId('note-campaigns').fill('改第一个活动的产品');
  await page.getByTestId('save-campaigns').click();
  const issues = page.getByTestId('section-campaigns').getByTestId('section-issues');
  await expect(issues).toContainText('suggest.campaigns.0.productCodes.0');
  await expect(issues).toContainText('活动引用了不存在的产品');
  await page.screenshot({ path: `${SHOTS}/settings-json-refused.png`, fullPage: true });

  // Broken JSON cannot be sent at all.
  await editor.fill('[{');
  await expect(page.getByTestId('section-campaigns')).toContainText('JSON 格式错误');
  await expect(page.getByTestId('save-campaigns')).toBeDisabled();

  // Dropping the first campaign is valid.
  await editor.fill(JSON.stringify(campaigns.slice(1), null, 2));
  await page.getByTestId('note-campaigns').fill('停止第一个营销活动');
  await page.getByTestId('save-campaigns').click();
  await confirmSave(page, before + 1);
  const saved = (await (await page.request.get('/api/settings')).json()) as {
    config: { suggest: { campaigns: unknown[] } };
  };
  expect(saved.config.suggest.campaigns).toHaveLength(campaigns.length - 1);
});
