import { expect, type Page, type Request } from '@playwright/test';

/** Page objects: tests speak in the user's steps, not selectors. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async login(username: string, password = 'demo1234'): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    const submit = this.page.getByRole('button', { name: /登\s*录/ });
    const me = this.page.getByTestId('me');
    const limited = this.page.getByText(/尝试次数过多，请 (\d+) 秒后再试/);
    // The suite logs in many times a minute from one address, so the login rate limit can answer: then wait the
    // seconds it says and try again, as a person would.
    for (let attempt = 0; ; attempt++) {
      await submit.click();
      await expect(me.or(limited)).toBeVisible();
      if (await me.isVisible()) return;
      const seconds = Number(/(\d+) 秒/.exec((await limited.textContent()) ?? '')?.[1] ?? 5);
      if (attempt >= 3) break;
      await this.page.waitForTimeout((seconds + 1) * 1000);
    }
    await expect(me).toBeVisible();
  }
}

export class LookupPage {
  constructor(private readonly page: Page) {}

  async search(q: string): Promise<void> {
    await this.page.goto('/lookup');
    const input = this.page.getByTestId('lookup-input').locator('input');
    await input.fill(q);
    await input.press('Enter');
  }
}

/** 大堂分流: identify, pick services by their number keys, issue with Enter. */
export class LobbyPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/lobby');
    await expect(this.page.getByTestId('lobby')).toBeVisible();
  }

  async identify(q: string): Promise<void> {
    const input = this.page.getByTestId('lobby-lookup').locator('input');
    await expect(input).toBeFocused();
    // A card reader types the number and Enter, like a keyboard.
    await input.pressSequentially(q, { delay: 5 });
    await input.press('Enter');
    await expect(this.page.getByTestId('customer-card')).toBeVisible();
  }

  /** A card swiped while the focus is not in the lookup field: the reader types fast and ends with Enter. */
  async swipe(number: string): Promise<void> {
    await expect(this.page.getByTestId('lobby-lookup')).toHaveCount(0);
    // A reader sends its keys back to back; Playwright's typing goes one round trip per key, which on a loaded
    // machine can leave gaps longer than a person's fastest double press. So the keys are sent from the page.
    await this.page.evaluate(
      (keys) => {
        const target = document.activeElement ?? document.body;
        for (const key of keys) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      },
      [...number, 'Enter'],
    );
  }

  async walkIn(): Promise<void> {
    await this.page.keyboard.press('F3');
    await expect(this.page.getByTestId('walk-in-card')).toBeVisible();
  }

  /** Toggle a service with the key printed on its button (1–9, then 0, - and =). */
  async pressIntent(key: string): Promise<void> {
    const button = this.page.getByTestId(`intent-${key}`);
    const digit = (await button.locator('kbd').textContent())?.trim() ?? '';
    expect(digit).toMatch(/^[0-9=-]$/);
    await this.page.keyboard.press(digit);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  suggested() {
    return this.page.getByTestId('suggested-channel');
  }

  /** Enter issues the ticket; answers the ticket's number and id (from the server's reply). */
  async issue(key = 'Enter'): Promise<{ displayNo: string; id: string }> {
    const reply = this.page.waitForResponse(
      (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
    );
    await this.page.keyboard.press(key);
    const body = (await (await reply).json()) as { ticket: { id: string; displayNo: string } };
    await expect(this.page.getByTestId('issued-number')).toHaveText(body.ticket.displayNo);
    return body.ticket;
  }
}

/** 柜台叫号: F1 call, F2 recall, F3 start, F4 finish, F5 no-show. */
export class CounterPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/counter');
    await expect(this.page.getByTestId('current-ticket')).toBeVisible();
  }

  current() {
    return this.page.getByTestId('current-number');
  }

  /**
   * Presses a counter key once its button is enabled, as a teller who looks at it would. A key pressed while the
   * last command is on its way waits for it, but only a few seconds (keyAhead.ts); beside a CPU hog a call's answer
   * can take longer than that, and a step that waited it out would test the hold, not the step.
   */
  private async press(command: 'call' | 'start' | 'finish' | 'no_show', key: string): Promise<void> {
    await expect(this.page.getByTestId(`cmd-${command}`)).toBeEnabled();
    await this.page.keyboard.press(key);
  }

  /** Clear whatever a previous run left at this counter, so F1 can call. */
  async clear(): Promise<void> {
    const status = this.page.getByTestId('current-status');
    if (!(await this.current().isVisible())) return;
    if ((await status.textContent()) === '办理中') await this.finish();
    else {
      await this.press('no_show', 'F5');
      await expect(this.page.getByTestId('counter-idle')).toBeVisible();
    }
  }

  /**
   * Call until `displayNo` comes up. Tests share one branch, so someone may be ahead of it: each of those is
   * marked a no-show. Answers how many calls it took.
   */
  async callUntil(displayNo: string, onCall?: (no: string) => Promise<void>): Promise<number> {
    for (let i = 1; i <= 30; i++) {
      await this.press('call', 'F1');
      await expect(this.current()).toBeVisible();
      const no = (await this.current().textContent()) ?? '';
      await onCall?.(no);
      if (no === displayNo) return i;
      await this.press('no_show', 'F5');
      await expect(this.page.getByTestId('counter-idle')).toBeVisible();
    }
    throw new Error(`${displayNo} was never called`);
  }

  async start(): Promise<void> {
    await this.press('start', 'F3');
    await expect(this.page.getByTestId('current-status')).toHaveText('办理中');
    await expect(this.page.getByTestId('cmd-finish')).toBeEnabled();
  }

  /**
   * 办结 through the dialog. The confirmation is checked by the server's answer, not only by the screen: a refusal
   * fails with the server's words, and a click that sent nothing (the dialog re-rendered under the pointer on a
   * loaded machine) is clicked again; a click that did send is never repeated, so nothing is finished twice.
   */
  async finish(): Promise<void> {
    await this.press('finish', 'F4');
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const isFinish = (r: Request) =>
      r.method() === 'POST' &&
      /\/api\/tickets\/[^/]+\/events$/.test(r.url()) &&
      (r.postData() ?? '').includes('"finish"');
    for (let attempt = 1; ; attempt++) {
      const sent = this.page.waitForRequest(isFinish, { timeout: 5_000 }).catch(() => null);
      await dialog.getByRole('button', { name: /确认办结/ }).click();
      const request = await sent;
      if (request) {
        const answer = await request.response();
        expect(answer?.status(), `办结 refused: ${await answer?.text()}`).toBe(200);
        break;
      }
      if (attempt === 3) throw new Error('办结 was clicked three times and never reached the server');
    }
    await expect(this.page.getByTestId('counter-idle')).toBeVisible();
  }
}

/** 叫号屏: public, no login. */
export class DisplayPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/display');
    await expect(this.page.getByTestId('queue-board')).toContainText('个人业务');
  }

  nowCallingNo() {
    return this.page.getByTestId('now-calling-no');
  }
}

/** The customer at the counter, in the VIP room or on /customers/:id: profile, suggestions, outcome keys. */
export class ProfilePanel {
  constructor(
    readonly page: Page,
    readonly root = page.getByTestId('profile-panel').first(),
  ) {}

  suggestions() {
    return this.root.getByTestId('suggestions').locator('li.suggestion');
  }

  /** 显示 → reason → the full value, which the panel shows for a few seconds; answers it. */
  async reveal(field: 'id' | 'phone', reason: string): Promise<string> {
    await this.root.getByTestId(`${field}-reveal`).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('reveal-reason').fill(reason);
    await dialog.getByTestId('reveal-reason').press('Enter');
    await expect(dialog).toBeHidden();
    const value = this.root.getByTestId(`${field}-revealed`);
    await expect(value).toBeVisible();
    return (await value.textContent()) ?? '';
  }
}

/** 定期回访. */
export class FollowUpsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '定期回访' }).click();
    await expect(this.page.getByTestId('follow-ups')).toBeVisible();
  }

  row(text: string) {
    return this.page.getByTestId('follow-ups-table').locator('tbody tr', { hasText: text });
  }
}
