import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** Step 15 through the API: outcomes recorded at the counter shape the next ranking; the sanity checks hold. */

let s: TestServer;
let teller: string;

interface Item {
  productCode: string;
  say: { zh: string };
  reasons: { zh: string; en: string }[];
  interestedAt: number | null;
}
interface Suggestions {
  items: Item[];
  coolingDown: { productCode: string; why: { zh: string }; until: number | null }[];
  excluded: Record<string, number>;
}

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, teller));
  return r.customers[0]?.id as string;
}
const suggest = async (id: string, intents = 'wealth') =>
  json<Suggestions>(await s.get(`/api/customers/${id}/suggestions?intents=${intents}`, teller));

beforeAll(async () => {
  s = await startTestServer();
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('outcomes shape the next suggestion', () => {
  it('declined "暂不需要": left out, named with the reason, another product takes its place and says so', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const before = await suggest(id);
    const top = before.items[0] as Item;
    expect(top).toBeDefined();
    const res = await s.post(
      '/api/outcomes',
      { customerId: id, productCode: top.productCode, outcome: 'declined', reason: 'not_interested' },
      teller,
    );
    expect(res.status).toBe(201);
    const after = await suggest(id);
    expect(after.items.map((i) => i.productCode)).not.toContain(top.productCode);
    expect(after.coolingDown.map((c) => c.productCode)).toContain(top.productCode);
    expect(after.coolingDown[0]?.why.zh).toBe('上次拒绝：暂不需要（今天）');
    const moved = after.items.find((i) => i.reasons.some((r) => r.zh.startsWith('顶替')));
    expect(moved?.reasons.some((r) => r.zh.includes(top.productCode) || r.zh.includes('暂不需要'))).toBe(
      true,
    );
  });

  it('interested: stays, marked "上次有意向"', async () => {
    const id = await customerId(SHOWCASE.merchant.customerNo);
    const before = await suggest(id, 'cash');
    const first = before.items[0] as Item;
    await s.post(
      '/api/outcomes',
      { customerId: id, productCode: first.productCode, outcome: 'interested' },
      teller,
    );
    const after = await suggest(id, 'cash');
    const again = after.items.find((i) => i.productCode === first.productCode);
    expect(again?.interestedAt).toBeGreaterThan(0);
    expect(again?.reasons[0]?.zh).toMatch(/^上次有意向（\d{4}-\d{2}-\d{2}）$/);
  });

  it('every card carries one or two sayable reasons', async () => {
    for (const who of Object.values(SHOWCASE)) {
      const r = await suggest(await customerId(who.customerNo), '');
      for (const i of r.items) {
        expect(i.reasons.length).toBeGreaterThanOrEqual(1);
        expect(i.reasons.length).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('sanity checks from real use (the showcase customers)', () => {
  it('no pension annuity for the 25-year-old with ¥3,000', async () => {
    const id = await customerId(SHOWCASE.potential.customerNo);
    for (const intents of ['', 'wealth', 'account_open']) {
      const r = await suggest(id, intents);
      expect(r.items.map((i) => i.productCode)).not.toContain('INS_ANNUITY');
    }
  });

  it('no "每月100元起定投" line for the ¥12.86M private-banking client', async () => {
    const id = await customerId(SHOWCASE.private.customerNo);
    for (const intents of ['', 'wealth']) {
      const r = await suggest(id, intents);
      expect(r.items.some((i) => i.say.zh.includes('每月100元'))).toBe(false);
    }
  });
});
