import { expect, test } from './fixtures';
import { SHOWCASE } from '../../electron/db/demo/generate';
import type { AuditPage } from '../../shared/api/audit';
import type { CustomerActivity } from '../../shared/api/visit';
import { SIZES, apiAs, callTo, customerIdOf, shot, staffAt } from './step10';

test('a mistaken A is undone during the visit (audited), and the card shows what stands with its reason', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL as string;
  const api = await apiAs(base, 'lobby1');
  const zhang = await customerIdOf(api, SHOWCASE.effective.customerNo);
  await api.dispose();
  const ticket = await callTo(base, 'teller3', zhang, ['wealth']);
  const { context, page } = await staffAt(browser, 'teller3', SIZES['768p']);
  await expect(page.getByTestId('current-number')).toHaveText(ticket.displayNo);
  const first = page.getByTestId('suggestions').locator('li.suggestion').first();
  await expect(first).toBeVisible();

  // A by mistake: recorded at once; Z takes it back and the card is open again.
  await page.keyboard.press('a');
  await expect(first.getByTestId('suggestion-recorded')).toContainText('接受');
  await page.keyboard.press('z');
  await expect(first.getByTestId('suggestion-recorded')).toHaveCount(0);
  await expect(first.getByTestId('outcome-accepted')).toBeVisible();

  // The right answer: declined, with its reason shown on the card afterwards.
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog');
  // The reason is checked before saving, as a teller sees it: beside a CPU hog one click on it was lost (the
  // dialog said 请选择拒绝原因 on save); clicking a checked reason again changes nothing.
  await expect(async () => {
    await dialog.getByText('资金不足').click();
    await expect(dialog.getByRole('radio', { name: /资金不足/ })).toBeChecked({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByRole('button', { name: /确\s*定|确认|记录/ }).click();
  await expect(first.getByTestId('suggestion-recorded')).toContainText('拒绝');
  await expect(first.getByTestId('suggestion-reason')).toHaveText(/资金不足/);
  await shot(page, 'counter-outcome-undo-768p', true);

  // What stands: the decline only; the undo is in the audit log.
  const teller = await apiAs(base, 'teller3');
  const activity = (await (await teller.get(`/api/customers/${zhang}/activity`)).json()) as CustomerActivity;
  const thisVisit = activity.outcomes.filter((o) => o.ticketId === ticket.id);
  expect(thisVisit.map((o) => o.outcome)).toEqual(['declined']);
  await teller.dispose();
  const manager = await apiAs(base, 'manager1');
  const audit = (await (await manager.get('/api/audit?action=outcome.undo')).json()) as AuditPage;
  expect(JSON.stringify(audit.rows)).toContain(ticket.id);
  await manager.dispose();
  await context.close();
});
