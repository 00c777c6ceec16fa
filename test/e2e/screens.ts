import type { Browser } from '@playwright/test';
import { LoginPage } from './pages';

/** The sizes every screen is looked at: a counter PC's 1080p, a laptop's 768p and a tablet held upright. */
export const SIZES = {
  '1080p': { width: 1920, height: 1080 },
  '768p': { width: 1366, height: 768 },
  tablet: { width: 800, height: 1280 },
} as const;
export type SizeName = keyof typeof SIZES;

/** A browser context as one member of staff, logged in, optionally in English. */
export async function staffAt(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number } = SIZES['768p'],
  lang: 'zh-CN' | 'en' = 'zh-CN',
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).login(username);
  if (lang === 'en') {
    await page.evaluate(() => localStorage.setItem('lang', 'en'));
    await page.reload();
  }
  return { context, page };
}
