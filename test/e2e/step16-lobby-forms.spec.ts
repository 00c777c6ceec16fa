import { expect, test, type APIRequestContext, type Browser, type Page } from './fixtures';
import { apiAs } from './floor-helpers';
import { LobbyPage, LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsConfig,
  settingsVersion,
} from './settings-helpers';

/**
 * Step 16, the lobby's settings forms → behaviour. Each test edits a form as the branch manager in Chromium, saves
 * it with a description through the confirmation, watches the lobby (its screen, or the API that screen reads)
 * and rolls the settings back in `finally`, checking that the behaviour before and after differs so the test can
 * fail. Only anonymous walk-ins are used (no customer another spec relies on), and their tickets are cancelled.
 * - 队列与号码前缀: the self-service queue's prefix changed → the lobby's next self-service ticket carries it.
 * - 渠道与优先级: a channel and a priority class renamed → the lobby's suggestion says the new names.
 * - 优先级老化: fewer minutes per priority class → an earlier normal ticket is called before a later 关爱 one.
 */
interface Config {
  queue: { queues: { key: string; prefix: string }[]; aging: { promoteAfterMinutes: number } };
  triage: {
    channels: { key: string; zh: string }[];
    priorities: { level: number; zh: string }[];
  };
}
interface Ticket {
  id: string;
  displayNo: string;
  arrivedAt: number;
  queue: string;
}

const ANY = { timeout: 30_000 };

/** A second browser window for the lobby manager (the first is the branch manager's settings). */
async function lobbyWindow(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await new LoginPage(page).login('lobby1');
  return { page, close: () => context.close() };
}

/** An anonymous walk-in with one service on the lobby screen: F3, the service's key, the engine's suggestion. */
async function walkIn(page: Page, intent: string): Promise<LobbyPage> {
  const lobby = new LobbyPage(page);
  await lobby.open();
  await lobby.walkIn();
  await lobby.pressIntent(intent);
  await expect(lobby.suggested()).toBeVisible(ANY);
  return lobby;
}

/** Tickets the spec issued are cancelled, as the manager would (audited like any cancel). */
async function cancel(manager: APIRequestContext, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await manager.post(`/api/floor/tickets/${id}/cancel`, { data: { reason: 'e2e 清理 / cleanup' } });
  }
}

async function issueWalkIn(api: APIRequestContext, intents: string[], elderly = false): Promise<Ticket> {
  const r = await api.post('/api/tickets', {
    data: { customerId: null, intents, flags: elderly ? { elderly: true } : {} },
  });
  expect(r.status(), await r.text()).toBe(201);
  return ((await r.json()) as { ticket: Ticket }).ticket;
}

test('queues & prefixes: the self-service queue’s new prefix is on the lobby’s next ticket, the old one after the rollback', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobbyApi = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  const issued: string[] = [];
  const lobby = await lobbyWindow(browser);
  try {
    const cfg = await settingsConfig<Config>(manager);
    const row = cfg.queue.queues.findIndex((q) => q.key === 'self');
    const old = cfg.queue.queues[row]?.prefix as string;
    // A prefix no queue has (prefixes must be unique), so the number cannot be mistaken for another queue's.
    const taken = new Set(cfg.queue.queues.map((q) => q.prefix));
    const next = ['Z', 'X', 'W', 'Q'].find((p) => !taken.has(p)) as string;

    // Before: the lobby's self-service ticket carries the configured prefix.
    const first = await (await walkIn(lobby.page, 'statement')).issue();
    issued.push(first.id);
    expect(first.displayNo).toMatch(new RegExp(`^${old}\\d{3,}$`));

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'queues');
    const prefix = page.getByTestId(`queue-row-${row}`).locator('input.ant-input').nth(1);
    await expect(prefix).toHaveValue(old);
    await prefix.fill(next);
    await saveSection(page, 'queues', `自助引导号码前缀改为 ${next}`, `${old} → ${next}`, before + 1);

    // The lobby screen (reloaded, as after a settings push) issues the next self-service ticket with the new prefix.
    const after = await (await walkIn(lobby.page, 'statement')).issue();
    issued.push(after.id);
    expect(after.displayNo).toMatch(new RegExp(`^${next}\\d{3,}$`));
    // The live board the lobby and the TV read says the same.
    const board = (await (await lobbyApi.get('/api/queues')).json()) as {
      queues: { key: string; prefix: string; tickets: { displayNo: string }[] }[];
    };
    const self = board.queues.find((q) => q.key === 'self');
    expect(self?.prefix).toBe(next);
    expect(self?.tickets.map((t) => t.displayNo)).toContain(after.displayNo);

    await restoreSettings(manager, before, 'step16 queues form');
    const back = await (await walkIn(lobby.page, 'statement')).issue();
    issued.push(back.id);
    expect(back.displayNo).toMatch(new RegExp(`^${old}\\d{3,}$`));
  } finally {
    await restoreSettings(manager, before, 'step16 queues form');
    await cancel(manager, issued);
    await lobby.close();
  }
});

test('channels & priorities: a channel and a priority class renamed in the form are what the lobby suggests', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const before = await settingsVersion(manager);
  const lobby = await lobbyWindow(browser);
  const elderlyWalkIn = async () => {
    const screen = await walkIn(lobby.page, 'account_open');
    await lobby.page.getByTestId('flag-elderly').check();
    await expect(screen.suggested()).toHaveText('柜台', ANY);
    return lobby.page.getByTestId('decision');
  };
  try {
    const cfg = await settingsConfig<Config>(manager);
    const selfRow = cfg.triage.channels.findIndex((c) => c.key === 'self');
    const careRow = cfg.triage.priorities.findIndex((p) => p.level === 1);
    const selfName = cfg.triage.channels[selfRow]?.zh as string;
    const careName = cfg.triage.priorities[careRow]?.zh as string;
    const newSelf = `${selfName}（自助机）`;
    const newCare = '关爱优先办理';

    // Before: the configured names.
    const screen = await walkIn(lobby.page, 'statement');
    await expect(screen.suggested()).toHaveText(selfName);
    await expect(await elderlyWalkIn()).toContainText(careName);

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'channels');
    // The Chinese name is the first text box of each row (the key and the queue are drop-downs).
    await page.getByTestId(`channels-row-${selfRow}`).locator('input.ant-input').first().fill(newSelf);
    await page.getByTestId(`priorities-row-${careRow}`).locator('input.ant-input').nth(1).fill(newCare);
    await saveSection(page, 'channels', '自助区与关爱优先改名', newSelf, before + 1, async (dialog) => {
      // The preview replays the day's triage: renaming routes nobody differently.
      await expect(dialog.getByTestId('impact-triage')).toContainText(/有 0 笔/, ANY);
    });

    const renamed = await walkIn(lobby.page, 'statement');
    await expect(renamed.suggested()).toHaveText(newSelf);
    const decision = await elderlyWalkIn();
    await expect(decision).toContainText(newCare);
    await expect(decision).not.toContainText(careName);

    await restoreSettings(manager, before, 'step16 channels form');
    const back = await walkIn(lobby.page, 'statement');
    await expect(back.suggested()).toHaveText(selfName);
  } finally {
    await restoreSettings(manager, before, 'step16 channels form');
    await lobby.close();
  }
});

/**
 * Aging is time: a ticket's place in line is its arrival moved forward `promoteAfterMinutes` per priority class
 * (shared/queue/order.ts), and the order is computed with the settings in force when it is asked for. So a normal
 * ticket that arrived more than one minute before a 关爱 (class 1) ticket is called after it at 30 minutes per
 * class, and before it at 1 minute per class. The form's smallest value is 1 minute, so the two arrivals must be
 * more than a minute apart: the spec waits on the server's own clock (the board's `at`), not a sleep, and the rest
 * of the test (login, opening the form) runs in that minute.
 */
test('priority aging: at 1 minute per class an earlier normal ticket is called before a later 关爱 one', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const manager = await apiAs(baseURL as string, 'manager1');
  const lobby = await apiAs(baseURL as string, 'lobby1');
  const before = await settingsVersion(manager);
  const issued: string[] = [];
  const board = async () =>
    (await (await lobby.get('/api/queues')).json()) as {
      at: number;
      queues: { key: string; tickets: { id: string }[] }[];
    };
  /** Is the normal ticket called before the 关爱 one, in the order the board (and the counters) use? */
  const normalFirst = async (normal: Ticket, care: Ticket) => {
    const line = (await board()).queues.find((q) => q.key === normal.queue)?.tickets.map((t) => t.id) ?? [];
    expect(line).toContain(normal.id);
    expect(line).toContain(care.id);
    return line.indexOf(normal.id) < line.indexOf(care.id);
  };
  const ahead = async (t: Ticket) =>
    ((await (await lobby.get(`/api/tickets/${t.id}`)).json()) as { ahead: number }).ahead;
  try {
    const cfg = await settingsConfig<Config>(manager);
    expect(cfg.queue.aging.promoteAfterMinutes).toBeGreaterThan(2);
    const normal = await issueWalkIn(lobby, ['account_open']);
    issued.push(normal.id);

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'aging');

    // More than a minute after the normal ticket, by the server's clock.
    await expect
      .poll(async () => (await board()).at - normal.arrivedAt, { timeout: 120_000, intervals: [2_000] })
      .toBeGreaterThan(62_000);
    const care = await issueWalkIn(lobby, ['account_open'], true);
    issued.push(care.id);
    expect(care.queue).toBe(normal.queue);

    // Before: the 关爱 ticket, a minute later, is still called first (30 minutes per class).
    expect(await normalFirst(normal, care)).toBe(false);
    const aheadBefore = await ahead(care);

    const minutes = page.getByTestId('section-aging').locator('input').first();
    await expect(minutes).toHaveValue(String(cfg.queue.aging.promoteAfterMinutes));
    await minutes.fill('1');
    await saveSection(
      page,
      'aging',
      '优先级每级只相当于等候 1 分钟',
      `${cfg.queue.aging.promoteAfterMinutes} → 1`,
      before + 1,
    );

    // After: the normal ticket, waiting longer than one class is worth, is called first; the 关爱 one has one
    // more ticket ahead of it.
    expect(await normalFirst(normal, care)).toBe(true);
    expect(await ahead(care)).toBeGreaterThan(aheadBefore);

    await restoreSettings(manager, before, 'step16 aging form');
    expect(await normalFirst(normal, care)).toBe(false);
    expect(await ahead(care)).toBe(aheadBefore);
  } finally {
    await restoreSettings(manager, before, 'step16 aging form');
    await cancel(manager, issued);
  }
});
