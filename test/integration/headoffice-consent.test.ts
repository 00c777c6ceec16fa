import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentView } from '@shared/customer/consent';
import { defaultConsentConfig } from '@shared/customer/consent-config';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { testPgUrl } from './pg';

/**
 * Step 15, consent across branches: a withdrawal recorded at branch A goes up A's journal to the head office and
 * down to branch B, where the same customer (same customer number) then stands withdrawn — once, however often
 * the rounds repeat, and replicated to B's terminals. A walk-in prospect reaches the head office with its phone as
 * hash, ciphertext and mask only. Needs the test PostgreSQL (skipped without it, like the other head-office tests).
 */

const PG = testPgUrl();
type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;
const V = defaultConsentConfig.version;
const PHONE = '13722223333';

const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

describe.skipIf(!PG)('consent through the head office', () => {
  let ho: Ho;
  let a: Hub;
  let b: Hub;
  let syncA: HeadOfficeSync;
  let syncB: HeadOfficeSync;

  const customerId = (h: Hub, no: string) =>
    h.sql<{ id: string }>('SELECT id FROM customers WHERE customer_no = ?', no)[0]?.id as string;
  const marketing = async (h: Hub, id: string) => {
    const token = await h.login('manager1');
    const v = await json<ConsentView>(
      await fetch(`${h.url}/api/customers/${id}/consent`, { headers: { authorization: `Bearer ${token}` } }),
    );
    return v.purposes.find((p) => p.purpose === 'marketing');
  };

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    a = await startHub({ customers: 20, keys: testKeys() });
    b = await startHub({ customers: 20, keys: testKeys(), branchCode: 'DEMO02' });
    const ka = await enrol(ho, 'DEMO01');
    const kb = await enrol(ho, 'DEMO02');
    syncA = new HeadOfficeSync(a.ctx.headOfficeSyncDeps(), { url: ho.url, key: ka.key });
    syncB = new HeadOfficeSync(b.ctx.headOfficeSyncDeps(), { url: ho.url, key: kb.key });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await ho?.stop();
  });

  it('a withdrawal at branch A stands at branch B after the rounds, once, and reaches B’s terminals', async () => {
    const no = SHOWCASE.effective.customerNo;
    const idA = customerId(a, no);
    const idB = customerId(b, no);
    expect((await marketing(b, idB))?.source).not.toBe('desk');

    const teller = await a.login('teller1');
    await json(
      await a.post(
        `/api/customers/${idA}/consent`,
        { purpose: 'marketing', granted: false, scope: 'all', channel: 'counter', textVersion: V },
        teller,
      ),
    );
    const eventId = a.sql<{ id: string }>('SELECT id FROM consent_events WHERE customer_id = ?', idA)[0]?.id;
    expect(eventId).toBeTruthy();

    await syncA.runOnce();
    const first = await syncB.pullConsent();
    expect(first?.applied).toBe(1);
    const m = await marketing(b, idB);
    expect(m).toMatchObject({ granted: false, source: 'desk' });
    expect(m?.event?.id).toBe(eventId);

    // Again and again: nothing new (the event is not settled yet, so it comes again, and is stored once).
    await syncB.runOnce();
    await syncA.runOnce();
    const again = await syncB.pullConsent();
    expect(again?.received).toBe(1);
    expect(again?.applied).toBe(0);
    expect(b.sql<{ n: number }>('SELECT count(*) AS n FROM consent_events WHERE id = ?', eventId)[0]?.n).toBe(
      1,
    );
    // B's terminals get it through B's outbox, once.
    expect(
      b.sql<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'consent' AND id = ?", eventId)[0]
        ?.n,
    ).toBe(1);
    // A does not get its own event back.
    expect((await syncA.pullConsent())?.received).toBe(0);
    // B's copy went up B's journal too, under the same id: the head office holds the event once.
    const held = await ho.ho.db.pool.query<{ n: number }>(`SELECT count(*) AS n FROM journal WHERE id = $1`, [
      eventId,
    ]);
    expect(Number(held.rows[0]?.n)).toBe(1);
  });

  it('a customer B does not hold is passed over; a prospect travels with its phone hashed, encrypted and masked', async () => {
    const lobby = await a.login('lobby1');
    const p = await json<{ id: string }>(
      await a.post(
        '/api/prospects',
        {
          name: '林晓',
          phone: PHONE,
          consent: { granted: true, scope: 'all', channel: 'counter', textVersion: V },
        },
        lobby,
      ),
    );
    await syncA.runOnce();
    const rows = await ho.ho.db.pool.query<{ kind: string; payload: Record<string, unknown> }>(
      `SELECT kind, payload FROM journal WHERE kind = 'prospect'`,
    );
    expect(rows.rows.length).toBeGreaterThanOrEqual(2);
    const mine = rows.rows.find((r) => r.payload.id === p.id);
    expect(mine?.payload.phoneMasked).toBe('137****3333');
    expect(typeof mine?.payload.phoneHash).toBe('string');
    expect(typeof mine?.payload.phoneEnc).toBe('string');
    expect(JSON.stringify(rows.rows)).not.toContain(PHONE);

    // A consent event for a customer number B has never seen: counted, not applied.
    a.ctx.store.sqlite
      .prepare("UPDATE customers SET customer_no = 'C9ONLYATA' WHERE customer_no = ?")
      .run(SHOWCASE.potential.customerNo);
    const manager = await a.login('manager1');
    await json(
      await a.post(
        `/api/customers/${customerId(a, 'C9ONLYATA')}/consent`,
        { purpose: 'marketing', granted: false, scope: 'all', channel: 'counter', textVersion: V },
        manager,
      ),
    );
    await syncA.runOnce();
    const r = await syncB.pullConsent();
    expect(r?.notHere).toBe(1);
  });
});
