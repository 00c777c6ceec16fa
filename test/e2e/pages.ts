import { expect, type Page } from '@playwright/test';

/** Page objects: tests speak in the user's steps, not selectors. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async login(username: string, password = 'demo1234'): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(this.page.getByTestId('me')).toBeVisible();
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
