import { expect, test, type APIRequestContext } from './fixtures';
import { apiAs, customerIdOf } from './floor-helpers';
import { LoginPage } from './pages';
import {
  openSection,
  restoreSettings,
  saveSection,
  settingsVersion,
  shotSection,
  shotSectionAtSizes,
} from './settings-helpers';

/**
 * Step 16, the cool-down and feedback forms → behaviour.
 * - Cool-downs: a product the customer declined ("没时间了解") is kept off their suggestions for the form's number of
 *   days; set to 0, it is back on the customer's card; rolled back, it cools down again. The customers are generated
 *   ones no other spec uses; the decline stays (as it would at a branch), the settings are rolled back.
 * - Feedback: a rating dimension added in the form is offered on the web survey a walk-in opens from the slip's QR.
 * - Appointments: a closed day added in the form is no longer bookable.
 */
interface Suggestions {
  items: { productCode: string; name: { zh: string } }[];
  coolingDown: { productCode: string; until: number | null }[];
}

async function suggestions(api: APIRequestContext, customer: string): Promise<Suggestions> {
  const r = await api.get(`/api/customers/${customer}/suggestions`);
  expect(r.status()).toBe(200);
  return (await r.json()) as Suggestions;
}

/** The first of a few generated customers with something on their list (the demo data is seeded, so always one). */
async function customerWithSuggestions(api: APIRequestContext) {
  for (let n = 51; n <= 70; n++) {
    const id = await customerIdOf(api, `C1000000${n}`);
    const s = await suggestions(api, id);
    const first = s.items[0]?.productCode;
    if (first && s.coolingDown.length === 0) return { id, product: first };
  }
  throw new Error('no generated customer with suggestions among C100000051–70');
}

test('cool-downs: a declined product comes back on the card when its days are set to 0, and cools again after the rollback', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const manager = await apiAs(base, 'manager1');
  const teller = await apiAs(base, 'teller1');
  const before = await settingsVersion(manager);
  try {
    const { id, product } = await customerWithSuggestions(teller);
    const declined = await teller.post('/api/outcomes', {
      data: { customerId: id, productCode: product, outcome: 'declined', reason: 'no_time' },
    });
    expect(declined.status()).toBeLessThan(300);
    const cooling = await suggestions(teller, id);
    expect(cooling.items.map((i) => i.productCode)).not.toContain(product);
    const until = cooling.coolingDown.find((c) => c.productCode === product)?.until ?? 0;
    // 没时间了解 keeps a product out for 14 days by default.
    expect(Math.round((until - Date.now()) / 86_400_000)).toBe(14);

    // The customer's profile says why it is not offered.
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await page.goto(`/customers/${id}`);
    await expect(page.getByTestId(`cooling-${product}`)).toContainText('没时间了解');

    await openSection(page, 'learning');
    const box = page.getByTestId('cooldown-declinedDaysByReason-no_time');
    await expect(box).toHaveValue('14');
    await box.fill('0');
    await saveSection(page, 'learning', '没时间了解的客户下次照常推荐', '没时间了解', before + 1);

    const now = await suggestions(teller, id);
    const back = now.items.find((i) => i.productCode === product);
    expect(back, `${product} back on the list`).toBeTruthy();
    expect(now.coolingDown.map((c) => c.productCode)).not.toContain(product);
    await page.goto(`/customers/${id}`);
    await expect(page.getByTestId('suggestions')).toContainText(back?.name.zh ?? product);
    await expect(page.getByTestId(`cooling-${product}`)).toHaveCount(0);

    await restoreSettings(manager, before, 'step16 cool-down form');
    const again = await suggestions(teller, id);
    expect(again.coolingDown.map((c) => c.productCode)).toContain(product);
  } finally {
    await restoreSettings(manager, before, 'step16 cool-down form');
  }
});

test('feedback: a dimension added in the form is one the customer can mark on the survey from the slip', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const manager = await apiAs(base, 'manager1');
  const lobby = await apiAs(base, 'lobby1');
  const before = await settingsVersion(manager);
  let ticketId: string | null = null;
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'feedback');
    const rows = page.getByTestId('dimensions').locator('[data-testid^="dimensions-row-"]');
    const n = await rows.count();
    await page.getByTestId('dimensions-add').click();
    await expect(rows).toHaveCount(n + 1);
    await page.getByTestId(`dimension-key-${n}`).fill('waiting');
    await page.getByTestId(`dimension-zh-${n}`).fill('等候时间');
    await rows.nth(n).locator('input').nth(2).fill('Waiting time');
    await saveSection(page, 'feedback', '评价增加“等候时间”维度', '等候时间', before + 1);

    const issued = await lobby.post('/api/tickets', {
      data: { customerId: null, intents: ['account_open'] },
    });
    expect(issued.status()).toBe(201);
    ticketId = ((await issued.json()) as { ticket: { id: string } }).ticket.id;
    const link = await lobby.get(`/api/feedback/survey-link/${ticketId}`);
    expect(link.status()).toBe(200);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const survey = await phone.newPage();
    await survey.goto(((await link.json()) as { path: string }).path);
    await survey.getByTestId('pad-level-dissatisfied').tap();
    await expect(survey.getByTestId('pad-details')).toContainText('等候时间');
    await expect(survey.getByTestId('pad-dim-waiting-poor')).toBeVisible();
    await phone.close();
  } finally {
    if (ticketId) {
      await lobby.post(`/api/tickets/${ticketId}/events`, {
        data: { type: 'cancel', payload: { reason: 'e2e 清理' } },
      });
    }
    await restoreSettings(manager, before, 'step16 feedback form');
  }
});

test('appointments: a closed day added in the form takes that day off the booking slots', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const manager = await apiAs(base, 'manager1');
  const lobby = await apiAs(base, 'lobby1');
  const before = await settingsVersion(manager);
  const open = async (day: string, service: string) => {
    const r = await lobby.get(`/api/appointments/slots?day=${day}&service=${service}`);
    expect(r.status()).toBe(200);
    return ((await r.json()) as { open: boolean }).open;
  };
  try {
    const info = (await (await lobby.get('/api/appointments/info')).json()) as {
      today: string;
      services: { key: string }[];
    };
    const service = info.services[0]?.key as string;
    // A day a few days ahead that is open for bookings now (not a weekend or a listed holiday).
    let day = '';
    for (let i = 3; i <= 10 && !day; i++) {
      const d = new Date(Date.parse(`${info.today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      if (await open(d, service)) day = d;
    }
    expect(day, 'an open day ahead').not.toBe('');

    await page.setViewportSize({ width: 1366, height: 768 });
    await new LoginPage(page).login('manager1');
    await openSection(page, 'appointments');
    const holidays = page.getByTestId('ap-holidays');
    await holidays.click();
    await page.keyboard.type(day);
    await page.keyboard.press('Enter');
    await expect(holidays).toContainText(day);
    await saveSection(page, 'appointments', `${day} 网点不开放预约`, day, before + 1);
    expect(await open(day, service)).toBe(false);

    await restoreSettings(manager, before, 'step16 appointments form');
    expect(await open(day, service)).toBe(true);
  } finally {
    await restoreSettings(manager, before, 'step16 appointments form');
  }
});

test('screens: the appointments form at three sizes and in English', async ({ page }) => {
  test.setTimeout(180_000);
  await new LoginPage(page).login('manager1');
  await shotSectionAtSizes(page, 'appointments');
  await page.evaluate(() => localStorage.setItem('lang', 'en'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSection(page, 'appointments');
  await expect(page.getByTestId('section-appointments')).toContainText('Bookable services');
  await shotSection(page, 'appointments-1366x768-en');
  await page.evaluate(() => localStorage.removeItem('lang'));
});
