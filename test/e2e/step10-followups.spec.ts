import { expect, test } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import type { AuditPage } from '../../shared/api/audit';
import { SIZES, apiAs, customerIdOf, shot, staffAt } from './step10';

test("the RM's follow-up list shows how to reach the customer: masked phone, revealed with a reason", async ({
  browser,
  baseURL,
}) => {
  const base = baseURL as string;
  // The private-banking customer showed interest in the VIP room: a follow-up for rm1.
  const rmApi = await apiAs(base, 'rm1');
  const who = SHOWCASE.private;
  const id = await customerIdOf(rmApi, who.customerNo);
  const res = await rmApi.post('/api/outcomes', {
    data: { customerId: id, productCode: 'WM_QUARTER', outcome: 'interested', note: 'step10 回访' },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  await rmApi.dispose();
  const masked = `${who.phone.slice(0, 3)}****${who.phone.slice(-4)}`;

  const { context, page } = await staffAt(browser, 'rm1', SIZES['768p']);
  // In the VIP room's card, the number is there to dial from, masked.
  await page.goto('/vip');
  await expect(page.getByTestId('my-follow-ups').getByTestId('follow-up-phone').first()).toContainText(
    masked,
  );

  await page.goto('/follow-ups');
  const row = page.getByTestId('follow-ups-table').locator('tbody tr', { hasText: who.name }).first();
  await expect(row.getByTestId('phone-masked')).toHaveText(masked);
  await expect(row).not.toContainText(who.phone);
  await row.getByTestId('phone-reveal').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('reveal-reason').fill('回访前核对联系电话');
  await dialog.getByTestId('reveal-reason').press('Enter');
  await expect(dialog).toBeHidden();
  // Enter went to the reason, not to the row: still on the list, the number shown in full for a while.
  await expect(page).toHaveURL(/\/follow-ups$/);
  await expect(row.getByTestId('phone-revealed')).toHaveText(who.phone);
  await shot(page, 'follow-ups-phone-768p');

  // The reveal is in the audit log, with its reason.
  const manager = await apiAs(base, 'manager1');
  const audit = (await (
    await manager.get(`/api/audit?action=reveal.phone&targetId=${id}`)
  ).json()) as AuditPage;
  const mine = audit.rows;
  expect(JSON.stringify(mine)).toContain('回访前核对联系电话');
  await manager.dispose();
  await context.close();
});
