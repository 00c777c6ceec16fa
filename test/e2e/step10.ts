import { expect, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import type { CallMessage, QueueSnapshot, QueueSummary } from '../../shared/api/queue';
import { apiAs, customerIdOf, releaseTickets } from './floor-helpers';

/** Step 10's helpers: screen sizes, screenshots, a board under the test's control, geometry checks. */
export { SIZES, staffAt, type SizeName } from './screens';

export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `test/output/screens/step10/${name}.png`, animations: 'disabled', fullPage });

const queue = (key: string, prefix: string, zh: string, en: string, waiting: number): QueueSummary => ({
  key,
  prefix,
  zh,
  en,
  waiting,
  // Every queue has a counter calling from it (null would be "暂无窗口办理").
  waitMinutes: waiting * 4,
  servers: 1,
  tickets: [],
});

/** The worst board a branch shows: eight calls to long counter names, four queues, long names. */
export function busyBoard(at: number): QueueSnapshot {
  const places = ['对公业务3号窗口', '贵宾理财室', '12号窗口', '个人业务7号窗口', '现金业务8号窗口'];
  const recentCalls: CallMessage[] = Array.from({ length: 8 }, (_, i) => ({
    type: 'call',
    at: at - i * 60_000,
    ticketId: `t${i}`,
    recall: false,
    displayNo: `${'ABCV'[i % 4]}${String(128 - i).padStart(3, '0')}`,
    queue: 'general',
    counterName: places[i % places.length] ?? '',
    counterNumber: i + 1,
    channel: 'counter',
  }));
  return {
    branchDay: '2026-12-03',
    branchName: '示范银行 某某市 某某区 中心支行营业部',
    at,
    queues: [
      queue('general', 'A', '个人业务', 'Personal banking', 12),
      queue('corporate', 'B', '对公业务', 'Corporate banking', 3),
      queue('vip', 'V', '贵宾理财', 'VIP & wealth', 1),
      queue('self', 'S', '自助设备', 'Self-service machines', 0),
    ],
    counters: [],
    recentCalls,
    noShows: [],
  };
}

/**
 * The lobby TV fed this board: GET /api/display and the live feed's hello both answer it. Answers a way to push
 * further live messages (a call) to the page's open feed.
 */
export async function feedBoard(page: Page, board: QueueSnapshot): Promise<(m: object) => void> {
  let open: WebSocketRoute | null = null;
  await page.route('**/api/display', (r) => r.fulfill({ json: board }));
  await page.routeWebSocket(/\/api\/live/, (ws) => {
    open = ws;
    ws.send(JSON.stringify({ type: 'hello', at: board.at, snapshot: board }));
  });
  return (m) => {
    expect(open, 'the live feed is open').not.toBeNull();
    open?.send(JSON.stringify(m));
  };
}

/** Every element of `items` lies inside `container`'s box (1 px of rounding allowed). */
export async function expectInside(container: Locator, items: Locator): Promise<number> {
  const box = await container.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return 0;
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const b = await items.nth(i).boundingBox();
    expect(b, `item ${i}`).not.toBeNull();
    if (!b) continue;
    expect(b.y, `item ${i} top`).toBeGreaterThanOrEqual(box.y - 1);
    expect(b.y + b.height, `item ${i} bottom`).toBeLessThanOrEqual(box.y + box.height + 1);
    expect(b.x, `item ${i} left`).toBeGreaterThanOrEqual(box.x - 1);
    expect(b.x + b.width, `item ${i} right`).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  return n;
}

/** The page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'page scrolls sideways').toBeLessThanOrEqual(client);
}

/** No element matched by `items` has its text wrapped onto a second line. */
export async function expectOneLine(items: Locator): Promise<void> {
  const heights = await items.evaluateAll((els) =>
    els.map((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      const lines = new Set([...r.getClientRects()].map((c) => Math.round(c.top)));
      return { text: e.textContent ?? '', lines: lines.size };
    }),
  );
  for (const h of heights) expect(h.lines, `"${h.text}" wraps`).toBeLessThanOrEqual(1);
}

// One login helper for every spec (it waits out the login rate limit).
export { apiAs, customerIdOf };

/**
 * A ticket issued by the lobby (for `customerId`, or anonymous) and called straight to `teller`'s counter, whatever
 * else is waiting: the counter is first cleared of what an earlier run left there.
 */
export async function callTo(
  baseURL: string,
  teller: string,
  customerId: string | null,
  intents: string[],
): Promise<{ id: string; displayNo: string }> {
  const lobby = await apiAs(baseURL, 'lobby1');
  const at = await apiAs(baseURL, teller);
  const me = (await (await at.get('/api/session')).json()) as { me?: { counterId: string | null } };
  const counterId = me.me?.counterId;
  expect(counterId, `${teller}'s counter`).toBeTruthy();
  const board = (await (await at.get('/api/queues')).json()) as QueueSnapshot;
  const here = board.counters.find((c) => c.id === counterId);
  if (here?.current) {
    const type = here.current.status === 'serving' ? 'finish' : 'no_show';
    await at.post(`/api/tickets/${here.current.id}/events`, { data: { type, counterId } });
  }
  // One customer, one live ticket: what an earlier scene left this customer is closed first.
  if (customerId) await releaseTickets(lobby, customerId);
  const issued = await lobby.post('/api/tickets', { data: { customerId, intents, flags: {} } });
  expect(issued.status()).toBe(201);
  const { ticket } = (await issued.json()) as { ticket: { id: string; displayNo: string } };
  const called = await at.post(`/api/tickets/${ticket.id}/events`, { data: { type: 'call', counterId } });
  expect(called.status(), await called.text()).toBeLessThan(300);
  await lobby.dispose();
  await at.dispose();
  return ticket;
}
