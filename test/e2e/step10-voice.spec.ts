import { expect, test, type BrowserContext, type Page } from './fixtures';
import { SIZES, busyBoard, feedBoard, shot } from './step10';

/**
 * A browser's autoplay rule, as Chromium applies it on a TV that nobody has touched: audio stays suspended until
 * a resume() inside a click. Headless Chromium may be lenient, so the rule is put in place here, and what the
 * page speaks is recorded (headless has no voice).
 */
async function browserAutoplayRule(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    const Real = window.AudioContext;
    class Held extends Real {
      held = true;
      override get state(): AudioContextState {
        return this.held ? 'suspended' : super.state;
      }
      override resume(): Promise<void> {
        if (navigator.userActivation.isActive) {
          this.held = false;
          this.dispatchEvent(new Event('statechange'));
        }
        return super.resume();
      }
    }
    window.AudioContext = Held;
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      if (u.text) w.spoken.push(u.text);
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 20);
    };
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

const call = (displayNo: string) => ({
  type: 'call',
  at: Date.now() + 60_000,
  recall: false,
  displayNo,
  queue: 'general',
  counterName: '2号窗口',
  counterNumber: 2,
  channel: 'counter',
});

test('the display remembers voice on across restarts, and says so when voice is off', async ({ browser }) => {
  const context = await browser.newContext({ viewport: SIZES['768p'] });
  await browserAutoplayRule(context);
  const page = await context.newPage();
  let push = await feedBoard(page, busyBoard(Date.now()));
  await page.goto('/display');

  // First start ever: the screen asks once.
  await page.getByTestId('enable-sound').click();
  await expect(page.getByTestId('enable-sound')).toHaveCount(0);
  await expect(page.getByTestId('voice-on')).toBeVisible();
  push(call('A201'));
  await expect.poll(() => spoken(page)).toContainEqual(expect.stringContaining('A 二 零 一'));

  // Restarted: no "点击开启语音播报" again. The browser still holds audio, so the screen says how to open it,
  // and the first touch anywhere does.
  await page.unroute('**/api/display');
  push = await feedBoard(page, busyBoard(Date.now()));
  await page.reload();
  await expect(page.getByTestId('voice-paused')).toBeVisible();
  await expect(page.getByTestId('enable-sound')).toHaveCount(0);
  await shot(page, 'display-voice-paused-768p');
  await page.getByTestId('recent-calls').click();
  await expect(page.getByTestId('voice-on')).toBeVisible();
  push(call('A202'));
  await expect.poll(() => spoken(page)).toContainEqual(expect.stringContaining('A 二 零 二'));

  // Voice turned off: the TV says so, stays silent, and remembers it after a restart.
  await page.getByTestId('voice-on').click();
  await expect(page.getByTestId('voice-off')).toHaveText(/语音播报已关闭/);
  await page.unroute('**/api/display');
  push = await feedBoard(page, busyBoard(Date.now()));
  await page.reload();
  await expect(page.getByTestId('voice-off')).toHaveText(/语音播报已关闭/);
  await shot(page, 'display-voice-off-768p');
  push(call('A203'));
  await expect(page.getByTestId('now-calling-no')).toHaveText('A203');
  await page.waitForTimeout(500);
  expect(await spoken(page)).toEqual([]);
  await context.close();
});
