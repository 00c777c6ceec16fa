import { expect, test } from './fixtures';
import {
  SIZES,
  busyBoard,
  expectInside,
  expectNoSidewaysScroll,
  feedBoard,
  shot,
  type SizeName,
} from './step10';

// 最近叫号 and the whole board fit the TV: every row of the recent calls inside its panel, nothing cut, at each size.
for (const size of Object.keys(SIZES) as SizeName[]) {
  test(`the lobby TV fits at ${size}: every recent call row is whole`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: SIZES[size] });
    const page = await context.newPage();
    await feedBoard(page, busyBoard(Date.now()));
    await page.goto('/display');
    const recent = page.getByTestId('recent-calls');
    await expect(recent.locator('li')).toHaveCount(5);
    expect(await expectInside(recent, recent.locator('li'))).toBe(5);
    // The panel itself inside the board (not hidden under the queue strip), and the call and the queues whole.
    await expectInside(page.getByTestId('lobby-display'), page.locator('.lobby-display > *:not(button)'));
    const board = page.getByTestId('queue-board').boundingBox();
    const panel = await recent.boundingBox();
    expect(panel && (await board) && panel.y + panel.height <= (await board)!.y + 1).toBe(true);
    await expectInside(page.getByTestId('now-calling'), page.getByTestId('now-calling-call'));
    await expectInside(page.getByTestId('queue-board'), page.locator('.lobby-display__queue'));
    // A number never breaks across lines.
    for (const no of await page
      .locator('.lobby-display__number, .lobby-display__recent li span:first-child')
      .all()) {
      const h = await no.evaluate((e) => e.getClientRects().length);
      expect(h).toBe(1);
    }
    await expectNoSidewaysScroll(page);
    await shot(page, `display-${size}`);
    await context.close();
  });
}
