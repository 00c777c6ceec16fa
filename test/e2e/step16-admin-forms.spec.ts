import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import { apiAs, customerIdOf } from './floor-helpers';
import { LobbyPage, LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
} from './settings-helpers';

/**
 * Step 16, the branch manager's own settings forms → behaviour. Each test edits a form in Chromium as the branch
 * manager, saves it with a description through the confirmation, observes the effect as the staff who meet it
 * (or through the API their screen reads), and rolls the settings back in `finally`; every observation is made
 * before and after, so the test fails if the form changes nothing.
 * - 基本信息: the branch name is what the lobby TV shows; the elderly age decides who gets 老年优先 in the lobby.
 * - 安全: a lower reveal limit refuses the next full-number reveal with the bilingual 429 message.
 * - 生命周期: a shorter "active" window turns an active customer into a 低频 one on their profile.
 * Customers C100000081–99 are generated ones no other spec uses.
 */
interface Config {
  branch: { name: string };
  triage: { elderlySegments: string[]; priorities: { level: number; zh: string }[] };
  customer: { elderlyAge: number; lifecycle: { activeWithinDays: number; newWithinDays: number } };
  security: { revealsPerWindow: number; revealWindowMinutes: number };
}
interface Profile {
  id: string;
  age?: number | null;
  segments: string[];
  lifecycle: string;
  createdAt?: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

const ANY = { timeout: 30_000 };
const DAY = 86_400_000;
/** The triage engine's elderly rule, as the lobby lists it among the reasons (shared/triage/defaults.ts). */
const ELDERLY = '老年客户优先办理';

async function profile(api: APIRequestContext, id: string): Promise<Profile> {
  const r = await api.get(`/api/customers/${id}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as Profile;
}

/** A window of its own for another member of staff (the first is the branch manager's settings). */
async function windowAs(browser: Browser, user: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await new LoginPage(page).login(user);
  return { page, close: () => context.close() };
}

async function managerForm(page: Page, section: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new LoginPage(page).login('manager1');
  await openSection(page, section);
}

test('general: the branch name is on the lobby TV, and the elderly age decides who gets 老年优先 in the lobby', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const cfg = await settingsConfig<Config>(manager);
  const name = `${cfg.branch.name}（表单测试）`;
  // A customer below the elderly age and not elderly by segment (those are elderly at any age): the oldest such
  // among the spec's own customers. The form lowers the elderly age to theirs.
  let customerNo = '';
  let age = 0;
  for (let n = 81; n <= 99; n++) {
    const p = await profile(manager, await customerIdOf(manager, `C1000000${n}`));
    const a = p.age ?? 0;
    const bySegment = p.segments.some((s) => cfg.triage.elderlySegments.includes(s));
    if (!bySegment && a >= 50 && a < cfg.customer.elderlyAge && a > age) {
      customerNo = `C1000000${n}`;
      age = a;
    }
  }
  expect(customerNo, 'a customer aged 50 or more, below the elderly age, among C100000081–99').not.toBe('');
  const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const lobby = await windowAs(browser, 'lobby1');
  /** The lobby identifies the customer for an account opening; answers the decision card. */
  const decision = async () => {
    const screen = new LobbyPage(lobby.page);
    await screen.open();
    await screen.identify(customerNo);
    await screen.pressIntent('account_open');
    await expect(screen.suggested()).toBeVisible(ANY);
    return lobby.page.getByTestId('decision');
  };
  try {
    // Before: the TV shows the configured name; the lobby treats the customer as any other (no elderly rule).
    await tv.goto('/display');
    await expect(tv.getByTestId('branch-name')).toHaveText(cfg.branch.name, ANY);
    const was = await decision();
    await expect(was.getByTestId('reasons')).not.toContainText(ELDERLY);
    await expect(lobby.page.getByTestId('flag-elderly')).not.toBeChecked();

    await managerForm(page, 'general');
    const section = page.getByTestId('section-general');
    await section.getByLabel('网点名称').fill(name);
    await section.getByLabel('老年客户年龄（岁）').fill(String(age));
    await saveSection(page, 'general', '网点更名；老年客户年龄下调', name, before + 1, async (dialog) => {
      // The elderly age is a triage input: the preview replays the day's visits with it.
      await expect(dialog.getByTestId('impact-triage')).toBeVisible(ANY);
      await expect(dialog.getByTestId('confirm-changes')).toContainText(
        `${cfg.customer.elderlyAge} → ${age}`,
      );
    });

    await tv.reload();
    await expect(tv.getByTestId('branch-name')).toHaveText(name, ANY);
    // After: the server derives "elderly" from the age: the elderly rule's reason, its priority class, the flag.
    const now = await decision();
    await expect(now.getByTestId('reasons')).toContainText(ELDERLY);
    await expect(now).toContainText(cfg.triage.priorities.find((p) => p.level === 1)?.zh ?? '关爱');
    await expect(lobby.page.getByTestId('flag-elderly')).toBeChecked();

    await restoreSettings(manager, before, 'step16 general form');
    await tv.reload();
    await expect(tv.getByTestId('branch-name')).toHaveText(cfg.branch.name, ANY);
    await expect((await decision()).getByTestId('reasons')).not.toContainText(ELDERLY);
  } finally {
    await restoreSettings(manager, before, 'step16 general form');
    await tv.close();
    await lobby.close();
  }
});

test('security: with the reveal limit lowered, the next full-number reveal is refused with the bilingual 429', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  // teller3 reveals nothing in any other spec, so its count in the window is this test's own.
  const teller = await apiAs(baseURL as string, 'teller3');
  const before = await settingsVersion(manager);
  const cfg = await settingsConfig<Config>(manager);
  const customer = await customerIdOf(manager, 'C100000090');
  const reveal = () =>
    teller.post(`/api/customers/${customer}/reveal`, {
      data: { field: 'phone', reason: '核对客户预留手机号' },
    });
  const counter = await windowAs(browser, 'teller3');
  try {
    // Before: a reveal is allowed (one of the window's 10).
    expect((await reveal()).status()).toBe(200);

    await managerForm(page, 'security');
    const limit = page.getByTestId('section-security').getByLabel('每人查看完整证件号/手机号次数上限');
    await expect(limit).toHaveValue(String(cfg.security.revealsPerWindow));
    await limit.fill('1');
    await saveSection(
      page,
      'security',
      '收紧查看完整号码的次数',
      `${cfg.security.revealsPerWindow} → 1`,
      before + 1,
    );

    // The teller's next reveal on the customer's profile: refused, in both languages, and said on screen.
    await counter.page.goto(`/customers/${customer}`);
    const panel = counter.page.getByTestId('profile-panel').first();
    await panel.getByTestId('phone-reveal').click();
    const dialog = counter.page.getByRole('dialog');
    await dialog.getByTestId('reveal-reason').fill('客户要求核对手机号');
    const answer = counter.page.waitForResponse((r) => r.url().endsWith(`/api/customers/${customer}/reveal`));
    await dialog.getByTestId('reveal-reason').press('Enter');
    const refused = await answer;
    expect(refused.status()).toBe(429);
    const body = (await refused.json()) as { error: { zh: string; en: string } };
    expect(body.error.zh).toContain(`${cfg.security.revealWindowMinutes} 分钟内最多查看 1 次`);
    expect(body.error.en).toContain(
      `At most 1 full ID or phone reveals in ${cfg.security.revealWindowMinutes} minutes`,
    );
    await expect(counter.page.locator('.ant-message')).toContainText('最多查看 1 次', ANY);
    await expect(panel.getByTestId('phone-revealed')).toHaveCount(0);

    await restoreSettings(manager, before, 'step16 security form');
    expect((await reveal()).status()).toBe(200);
  } finally {
    await restoreSettings(manager, before, 'step16 security form');
    await counter.close();
  }
});

test('lifecycle: a shorter active window makes an active customer 低频 on their profile, 活跃 again after the rollback', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const cfg = await settingsConfig<Config>(manager);
  const days = 30;
  // An active customer last seen more than `days` (and less than the active window) days ago.
  let customer = '';
  for (let n = 81; n <= 99 && !customer; n++) {
    const p = await profile(manager, await customerIdOf(manager, `C1000000${n}`));
    const last = Math.max(p.lastVisitAt ?? 0, p.lastTxnAt ?? 0);
    const idle = (Date.now() - last) / DAY;
    if (
      p.lifecycle === 'active' &&
      last > 0 &&
      idle > days + 1 &&
      idle < cfg.customer.lifecycle.activeWithinDays - 1
    )
      customer = p.id;
  }
  expect(customer, 'an active customer idle for over a month among C100000081–99').not.toBe('');
  try {
    await managerForm(page, 'lifecycle');
    const active = page.getByTestId('section-lifecycle').getByLabel('活跃（天内）');
    await expect(active).toHaveValue(String(cfg.customer.lifecycle.activeWithinDays));

    // Before: 活跃 on the profile.
    const view = await page.context().newPage();
    await view.goto(`/customers/${customer}`);
    await expect(view.getByTestId('lifecycle')).toHaveText('活跃', ANY);

    await active.fill(String(days));
    await saveSection(
      page,
      'lifecycle',
      `活跃客户按 ${days} 天内有往来计`,
      `${cfg.customer.lifecycle.activeWithinDays} → ${days}`,
      before + 1,
    );
    expect((await profile(manager, customer)).lifecycle).toBe('low_frequency');
    await view.reload();
    await expect(view.getByTestId('lifecycle')).toHaveText('低频', ANY);

    await restoreSettings(manager, before, 'step16 lifecycle form');
    await view.reload();
    await expect(view.getByTestId('lifecycle')).toHaveText('活跃', ANY);
    await view.close();
  } finally {
    await restoreSettings(manager, before, 'step16 lifecycle form');
  }
});
