import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import type { AuditPage } from '../../shared/api/audit';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { CounterPage, FollowUpsPage, LoginPage, ProfilePanel } from './pages';
import { apiAs, releaseTickets, withVisitSettings } from './floor-helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test/output/screens/${name}.png`, animations: 'disabled', fullPage: true });

async function customerId(api: APIRequestContext, no: string): Promise<string> {
  const r = (await (await api.get(`/api/customers/lookup?q=${no}`)).json()) as {
    customers: { id: string }[];
  };
  return r.customers[0]?.id as string;
}

/**
 * The lobby issues a ticket for a known customer, as the lobby screen would. One customer holds one live ticket:
 * whatever another spec left them is closed first.
 */
async function issue(api: APIRequestContext, customer: string, intents: string[]) {
  const manager = await apiAs(test.info().project.use.baseURL as string, 'manager1');
  await releaseTickets(manager, customer);
  await manager.dispose();
  const res = await api.post('/api/tickets', { data: { customerId: customer, intents, flags: {} } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { ticket: { id: string; displayNo: string; queue: string } }).ticket;
}

async function staffPage(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await new LoginPage(page).login(username);
  return { context, page };
}

test('a teller calls a ticket, offers suggestions, records interest, and reveals the ID with a reason', async ({
  browser,
  baseURL,
}) => {
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const manager = await apiAs(baseURL as string, 'manager1');
  const zhang = await customerId(lobby, SHOWCASE.effective.customerNo);
  const ticket = await issue(lobby, zhang, ['wealth']);
  expect(ticket.queue).toBe('individual');

  const { context, page } = await staffPage(browser, 'teller1');
  const counter = new CounterPage(page);
  await expect(page).toHaveURL(/\/counter$/);
  await counter.clear();
  await counter.callUntil(ticket.displayNo);

  // Who is in front of the counter, in one glance.
  const panel = new ProfilePanel(page);
  await expect(panel.root.getByTestId('customer-name')).toHaveText(SHOWCASE.effective.name);
  await expect(panel.root.getByTestId('tier-badge')).toHaveText('有效客户');
  await expect(panel.root.getByTestId('next-tier')).toHaveText('还差 ¥3,200 到中端客户');
  await expect(panel.root.getByTestId('id-masked')).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  await expect(page.locator('body')).not.toContainText(SHOWCASE.effective.idNumber as string);

  // What to offer: at most five, each with its rules and a line to say aloud.
  const items = panel.suggestions();
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(5);
  const first = items.first();
  await expect(first.getByTestId('say-aloud')).toContainText(/[\u4e00-\u9fa5]{6,}/);
  // One or two reasons a teller can say, not a score and a row of rule tags (Step 15).
  const reasons = first.getByTestId('suggestion-reason-line');
  await expect(reasons.first()).toContainText(/[\u4e00-\u9fa5]{4,}/);
  expect(await reasons.count()).toBeLessThanOrEqual(2);
  await expect(first.getByTestId('suggestion-score')).toHaveCount(0);
  await expect(first.getByTestId('outcome-interested').locator('kbd')).toHaveText('S');
  const product = (await first.getByTestId('suggestion-name').textContent()) ?? '';
  await counter.start();
  await shot(page, 'counter-profile-suggestions');

  // S: interested → a follow-up, due in the branch's default days, assigned to me.
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`有意向：${product}`);
  await expect(dialog.getByTestId('follow-up-assignee')).toContainText('柜员 张敏（我）');
  await expect(dialog.getByTestId('follow-up-date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.getByTestId('follow-up-note').fill('下周三带身份证来办理');
  await dialog.getByTestId('follow-up-note').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(first.getByTestId('suggestion-recorded')).toHaveText('已记录：有意向');
  // The keys moved on to the next suggestion: A records it as accepted.
  await expect(items.nth(1).getByTestId('outcome-accepted').locator('kbd')).toHaveText('A');
  await page.keyboard.press('a');
  await expect(items.nth(1).getByTestId('suggestion-recorded')).toHaveText('已记录：接受');

  // 显示 needs a reason; the full ID shows for a while and the reveal is in the audit log.
  await panel.root.getByTestId('id-reveal').click();
  const reveal = page.getByRole('dialog');
  await reveal.getByRole('button', { name: '确认查看' }).click();
  await expect(reveal).toContainText('请填写查看原因');
  await reveal.getByTestId('reveal-reason').fill('客户本人办理业务，核验身份');
  await reveal.getByTestId('reveal-reason').press('Enter');
  await expect(panel.root.getByTestId('id-revealed')).toHaveText(SHOWCASE.effective.idNumber as string);
  await panel.root.getByTestId('id-hide').click();
  await expect(panel.root.getByTestId('id-masked')).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  const audit = (await (
    await manager.get(`/api/audit?action=reveal.id&targetId=${zhang}`)
  ).json()) as AuditPage;
  expect(audit.rows).toHaveLength(1);
  expect(audit.rows[0]).toMatchObject({
    action: 'reveal.id',
    staffName: '柜员 张敏',
    targetType: 'customer',
    reason: '客户本人办理业务，核验身份',
  });
  expect(JSON.stringify(audit.rows)).not.toContain(SHOWCASE.effective.idNumber as string);
  // The teller cannot read the audit log.
  const tellerApi = await apiAs(baseURL as string, 'teller1');
  expect((await tellerApi.get('/api/audit')).status()).toBe(403);

  await counter.finish();

  // The follow-up is in my list (定期回访), not overdue, and can be marked done.
  const followUps = new FollowUpsPage(page);
  await followUps.open();
  const row = followUps.row(SHOWCASE.effective.name).filter({ hasText: product });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('下周三带身份证来办理');
  await expect(row.getByTestId('due-overdue')).toHaveCount(0);
  await shot(page, 'follow-ups');
  await row.getByTestId('follow-up-done').click();
  await page.getByTestId('done-note').fill('已电话确认');
  await page.getByTestId('done-note').press('Enter');
  await expect(row).toHaveCount(0);

  await Promise.all([lobby.dispose(), manager.dispose(), tellerApi.dispose(), context.close()]);
});

test('the relationship manager calls the VIP ticket and opens the linked enterprise', async ({
  browser,
  baseURL,
}) => {
  // The RM is on duty in the VIP room: an open but empty VIP room is not offered (贵宾室暂无人员).
  await (await apiAs(baseURL as string, 'rm1')).dispose();
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const chen = await customerId(lobby, SHOWCASE.private.customerNo);
  const ticket = await issue(lobby, chen, ['wealth']);
  expect(ticket.displayNo).toMatch(/^V\d{3}$/);

  const { context, page } = await staffPage(browser, 'rm1');
  // The RM lands on their book; the VIP room is their counter.
  await expect(page).toHaveURL(/\/book$/);
  await page.goto('/vip');
  await expect(page.getByTestId('counter-name')).toHaveText('贵宾室');
  await expect(page.getByTestId(`vip-ticket-${ticket.displayNo}`)).toContainText(SHOWCASE.private.name);
  const counter = new CounterPage(page);
  await counter.clear();
  await counter.callUntil(ticket.displayNo);
  await counter.start();

  const panel = new ProfilePanel(page);
  await expect(panel.root.getByTestId('tier-badge')).toHaveText('私行客户');
  const linked = panel.root.getByTestId('linked-entity');
  await expect(linked).toContainText('关联企业');
  await expect(linked).toContainText('杭州恒达贸易有限公司');
  await expect(panel.suggestions().first().getByTestId('say-aloud')).not.toBeEmpty();
  await expect(page.getByTestId('vip-today')).toContainText('杭州恒达贸易有限公司');
  await shot(page, 'vip-room');

  // One click to the enterprise, over the VIP screen; Esc returns to the client.
  await linked.getByTestId('linked-open').click();
  const drawer = page.getByTestId('profile-drawer');
  await expect(drawer.getByTestId('customer-name')).toHaveText('杭州恒达贸易有限公司');
  await expect(drawer.getByTestId('corporate-grade')).toHaveText('战略客户');
  await expect(drawer.getByTestId('linked-entity')).toContainText(SHOWCASE.private.name);
  await page.screenshot({ path: 'test/output/screens/vip-linked-enterprise.png', animations: 'disabled' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // The say-aloud line follows the language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(panel.root.getByTestId('suggestions')).toContainText('Suggestions');
  await expect(panel.suggestions().first().getByTestId('say-aloud')).toContainText(
    /[A-Za-z]{4,} [A-Za-z]{2,}/,
  );
  await shot(page, 'vip-room-en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(panel.root.getByTestId('suggestions')).toContainText('营销推荐');

  await counter.finish();
  await Promise.all([lobby.dispose(), context.close()]);
});

test('a complaint recorded from a profile is resolved on the complaints screen', async ({ page }) => {
  await new LoginPage(page).login('lobby1');
  await page.goto('/lookup');
  const input = page.getByTestId('lookup-input').locator('input');
  await input.fill(SHOWCASE.merchant.customerNo);
  await input.press('Enter');
  await expect(page.getByTestId('customer-card')).toContainText(SHOWCASE.merchant.name);
  await page.keyboard.press('F2');
  await expect(page).toHaveURL(/\/customers\//);
  const panel = new ProfilePanel(page);
  await expect(panel.root.getByTestId('customer-name')).toHaveText(SHOWCASE.merchant.name);
  // The lobby may not reveal IDs (the server refuses it), so the button is not offered.
  await expect(panel.root.getByTestId('phone-masked')).toBeVisible();
  await expect(panel.root.getByTestId('phone-reveal')).toHaveCount(0);

  await panel.root.getByTestId('new-complaint').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('complaint-category-wait_time').click();
  await dialog.getByTestId('complaint-description').fill('排队等了一个多小时，窗口只开了两个');
  await dialog.getByRole('button', { name: '登记' }).click();
  await expect(dialog).toBeHidden();
  await panel.root.getByRole('tab', { name: /投诉/ }).click();
  await expect(panel.root.getByTestId('customer-complaints')).toContainText('排队等候时间长');

  await page.getByRole('menuitem', { name: '客户投诉' }).click();
  const row = page.getByTestId('complaints-table').locator('tbody tr', { hasText: '排队等了一个多小时' });
  await expect(row).toContainText(SHOWCASE.merchant.name);
  await expect(row).toContainText('待处理');
  await shot(page, 'complaints');
  await row.getByTestId('complaint-handle').click();
  const handle = page.getByRole('dialog');
  await handle.getByTestId('complaint-resolution').fill('已致歉，高峰期增开一个窗口');
  await handle.getByRole('button', { name: '保存' }).click();
  await expect(row).toHaveCount(0);
});

test('when the branch requires an outcome, the counter says so before the teller tries to finish', async ({
  browser,
  baseURL,
}) => {
  const lobby = await apiAs(baseURL as string, 'lobby1');
  try {
    await withVisitSettings(
      baseURL as string,
      { requireOutcome: true },
      'e2e: 办结前须记录营销结果',
      async () => {
        const wang = await customerId(lobby, SHOWCASE.elderly.customerNo);
        const ticket = await issue(lobby, wang, ['cash']);
        const { context, page } = await staffPage(browser, 'teller2');
        const counter = new CounterPage(page);
        await counter.clear();
        await counter.callUntil(ticket.displayNo);
        await counter.start();

        const note = page.getByTestId('outcome-required');
        await expect(note).toContainText('本网点要求办结前记录营销推荐结果');
        await shot(page, 'counter-outcome-required');
        await page.keyboard.press('F4');
        await expect(page.getByText('请先记录营销推荐结果再办结')).toBeVisible();
        await expect(page.getByRole('dialog')).toHaveCount(0);

        // F: not suitable, on the first suggestion; then the visit can be finished.
        const first = new ProfilePanel(page).suggestions().first();
        await page.keyboard.press('f');
        await expect(first.getByTestId('suggestion-recorded')).toHaveText('已记录：不适合');
        await expect(note).toBeHidden();
        await counter.finish();
        await context.close();
      },
    );
  } finally {
    await lobby.dispose();
  }
});

test('a revealed phone number is masked again after a few seconds, and the reveal is audited', async ({
  page,
  baseURL,
}) => {
  await new LoginPage(page).login('teller1');
  await page.goto('/lookup');
  const input = page.getByTestId('lookup-input').locator('input');
  await input.fill(SHOWCASE.potential.customerNo);
  await input.press('Enter');
  await page.getByTestId('customer-card').click();
  const panel = new ProfilePanel(page);
  await expect(panel.root.getByTestId('customer-name')).toHaveText(SHOWCASE.potential.name);
  // No valid risk assessment: only R1 and non-investment products, and the panel says why.
  await expect(panel.root.getByTestId('hint-risk_assessment_needed')).toContainText('需先做风险测评');

  await page.clock.install();
  expect(await panel.reveal('phone', '回访前核对联系方式')).toBe(SHOWCASE.potential.phone);
  await page.clock.runFor(25_000);
  await expect(panel.root.getByTestId('phone-masked')).toHaveText(/^1\d{2}\*{4}\d{4}$/);
  await expect(page.locator('body')).not.toContainText(SHOWCASE.potential.phone);

  const manager = await apiAs(baseURL as string, 'manager1');
  const id = new URL(page.url()).pathname.split('/').pop() as string;
  const audit = (await (await manager.get(`/api/audit?action=reveal.*&targetId=${id}`)).json()) as AuditPage;
  expect(audit.rows.map((r) => [r.action, r.reason, r.staffName])).toEqual([
    ['reveal.phone', '回访前核对联系方式', '柜员 张敏'],
  ]);
  await manager.dispose();
});

test('F1 and F3 pressed in one movement: the call goes out and the service starts', async ({
  browser,
  baseURL,
}) => {
  const lobby = await apiAs(baseURL as string, 'lobby1');
  await issue(lobby, await customerId(lobby, SHOWCASE.rural.customerNo), ['cash']);
  await lobby.dispose();
  const { context, page } = await staffPage(browser, 'teller1');
  const counter = new CounterPage(page);
  await counter.clear();
  await expect(page.getByTestId('cmd-call')).toBeEnabled();
  // Both keys from the page in one task: F3 arrives before the screen has even shown the call in flight.
  await page.evaluate(() => {
    for (const key of ['F1', 'F3'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await expect(page.getByTestId('current-status')).toHaveText('办理中');
  await counter.finish();
  await context.close();
});
