import type { RulesConfig } from '@shared/config/schema';
import { AUM_PRODUCT_TYPES, type ProductType } from '@shared/customer/enums';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { maskCard, maskMobile, maskResidentId } from '@shared/customer/mask';
import { classifyTier } from '@shared/customer/tier';
import type { Store } from '../connection';
import { countersChanged } from '../repos/counters';
import { newId } from '../ids';
import type { Pii } from '../pii';
import { RandomPool } from '../random-pool';
import { generateCustomers } from './generate';
import type { DemoCustomer } from './types';

export interface DemoStaff {
  username: string;
  displayName: string;
  role: 'teller' | 'lobby' | 'rm' | 'manager' | 'admin';
  counterNumber: number | null;
}

/** The demo branch's service points; queue keys match shared/queue's default config. */
export const DEMO_COUNTERS = [
  { number: 1, name: '1号窗口', channel: 'counter', queues: ['individual'], corporateOnly: false },
  { number: 2, name: '2号窗口', channel: 'counter', queues: ['individual'], corporateOnly: false },
  {
    number: 3,
    name: '3号窗口（对公）',
    channel: 'corporate',
    queues: ['corporate', 'individual'],
    corporateOnly: true,
  },
  { number: 8, name: '贵宾室', channel: 'vip', queues: ['vip'], corporateOnly: false },
  { number: 9, name: '自助区引导', channel: 'self', queues: ['self'], corporateOnly: false },
] as const;

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'teller1', displayName: '柜员 张敏', role: 'teller', counterNumber: 1 },
  { username: 'teller2', displayName: '柜员 李强', role: 'teller', counterNumber: 2 },
  { username: 'teller3', displayName: '对公柜员 赵丽', role: 'teller', counterNumber: 3 },
  { username: 'lobby1', displayName: '大堂经理 王芳', role: 'lobby', counterNumber: 9 },
  { username: 'rm1', displayName: '客户经理 陈杰', role: 'rm', counterNumber: 8 },
  { username: 'manager1', displayName: '网点负责人 刘洋', role: 'manager', counterNumber: null },
  { username: 'admin', displayName: '系统管理员', role: 'admin', counterNumber: null },
];

export const DEMO_PASSWORD = 'demo1234';

/** Branch, counters, staff and the first settings version. Password hashing is async, so it is passed in. */
export function seedBranch(store: Store, rules: RulesConfig, passwordHash: string, now: number): void {
  const branchId = newId();
  store.tx(() => {
    store.run(
      store.k.insertInto('branch').values({
        id: branchId,
        code: rules.branch.code,
        name: rules.branch.name,
        timezone: rules.branch.timezone,
        created_at: now,
      }),
    );
    const counterIds = new Map<number, string>();
    for (const c of DEMO_COUNTERS) {
      const id = newId();
      counterIds.set(c.number, id);
      store.run(
        store.k.insertInto('counters').values({
          id,
          branch_id: branchId,
          number: c.number,
          name: c.name,
          channel: c.channel,
          queues: JSON.stringify(c.queues),
          corporate_only: c.corporateOnly ? 1 : 0,
          open: 1,
          staff_state: 'serving',
          updated_at: now,
        }),
      );
    }
    countersChanged(store);
    for (const s of DEMO_STAFF) {
      store.run(
        store.k.insertInto('staff').values({
          id: newId(),
          username: s.username,
          display_name: s.displayName,
          role: s.role,
          password_hash: passwordHash,
          counter_id: s.counterNumber === null ? null : (counterIds.get(s.counterNumber) ?? null),
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
        }),
      );
    }
    for (const p of rules.suggest.products) {
      store.run(
        store.k.insertInto('products').values({
          id: newId(),
          code: p.code,
          name_zh: p.name.zh,
          name_en: p.name.en,
          type: p.type,
          risk_level: p.riskLevel,
          spec: JSON.stringify(p),
          active: 1,
          updated_at: now,
        }),
      );
    }
    store.run(
      store.k.insertInto('settings').values({
        version: 1,
        config: JSON.stringify(rules),
        created_at: now,
        created_by: null,
        note: 'demo defaults',
      }),
    );
  });
}

const AUM_TYPES = new Set<ProductType>(AUM_PRODUCT_TYPES);

export function aumOf(c: Pick<DemoCustomer, 'holdings'>): number {
  let sum = 0;
  for (const h of c.holdings) if (AUM_TYPES.has(h.productType)) sum += h.balanceFen;
  return sum;
}

/** Seeding this many customers or more into an empty branch takes the bulk path (see seedCustomers). */
export const BULK_SEED_MIN = 50_000;

/** The secondary indexes a bulk seed drops and rebuilds (the unique keys stay: the rows need them). */
const BULK_INDEXED_TABLES = ['customers', 'cards', 'holdings'];

/**
 * Bulk insert through prepared statements in batches: 1M customers would otherwise spend most of
 * their time compiling the same query. A large seed into an empty branch (the P1 bench's 1M) runs
 * as ONE transaction that drops the tables' secondary indexes and builds them again at the end
 * (sorting once beats a million random index inserts), with a larger page cache; a failure leaves
 * the branch as it was. Ids come from a pooled CSPRNG (`newId()` reads the OS per id).
 */
export function seedCustomers(
  store: Store,
  pii: Pii,
  rules: RulesConfig,
  opts: {
    count: number;
    seed: number;
    now: number;
    batch?: number;
    /** From how many customers an empty branch takes the bulk path (default BULK_SEED_MIN). */
    bulkMin?: number;
    onProgress?: (done: number) => void;
  },
): number {
  const db = store.sqlite;
  const insCustomer =
    db.prepare(`INSERT INTO customers (id, customer_no, kind, corporate_type, name, id_hash, id_masked, id_enc,
    credit_code, phone_hash, phone_masked, phone_enc, birth_month, gender, segments, lifecycle, relationship_type, corporate_grade,
    risk_level, risk_assessed_at, marketing_consent, linked_customer_id, aum_fen, tier, last_visit_at, last_txn_at, created_at, updated_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insCard = db.prepare(
    'INSERT INTO cards (card_hash, customer_id, card_masked, card_enc) VALUES (?,?,?,?)',
  );
  const insHolding = db.prepare(
    'INSERT INTO holdings (id, customer_id, product_type, product_code, balance_fen, as_of) VALUES (?,?,?,?,?,?)',
  );
  const setLink = db.prepare(
    'UPDATE customers SET linked_customer_id = (SELECT id FROM customers WHERE customer_no = ?) WHERE id = ?',
  );
  const bands = rules.customer.tiers;
  const lifecycleCfg = rules.customer.lifecycle;
  const batchSize = opts.batch ?? 5000;
  const ids = new RandomPool();
  const links: [string, string][] = [];
  let done = 0;
  let batch: DemoCustomer[] = [];

  const flush = db.transaction((rows: DemoCustomer[]) => {
    for (const c of rows) {
      const id = ids.uuid();
      const aum = aumOf(c);
      const lifecycle = deriveLifecycle(
        { createdAt: c.createdAt, lastVisitAt: c.lastVisitAt, lastTxnAt: c.lastTxnAt },
        opts.now,
        lifecycleCfg,
      );
      insCustomer.run(
        id,
        c.customerNo,
        c.kind,
        c.corporateType,
        c.name,
        c.idNumber ? pii.hash('id', c.idNumber) : null,
        c.idNumber ? maskResidentId(c.idNumber) : null,
        c.idNumber ? pii.encrypt(c.idNumber) : null,
        c.creditCode,
        pii.hash('phone', c.phone),
        maskMobile(c.phone),
        pii.encrypt(c.phone),
        // Year and month only (migration 0007): with the masked ID a full date gives the number back.
        c.birthDate?.slice(0, 7) ?? null,
        c.gender,
        JSON.stringify(c.segments),
        lifecycle,
        c.relationshipType,
        c.corporateGrade,
        c.riskLevel,
        c.riskAssessedAt,
        c.marketingConsent ? 1 : 0,
        null,
        aum,
        classifyTier(aum, bands).tier,
        c.lastVisitAt,
        c.lastTxnAt,
        c.createdAt,
        opts.now,
      );
      for (const card of c.cards) insCard.run(pii.hash('card', card), id, maskCard(card), pii.encrypt(card));
      for (const h of c.holdings)
        insHolding.run(ids.uuid(), id, h.productType, h.productCode, h.balanceFen, h.asOf);
      if (c.linkedCustomerNo) links.push([c.linkedCustomerNo, id]);
    }
  });

  const seedAll = (): void => {
    for (const c of generateCustomers({ count: opts.count, seed: opts.seed, now: opts.now })) {
      batch.push(c);
      if (batch.length >= batchSize) {
        flush(batch);
        done += batch.length;
        batch = [];
        opts.onProgress?.(done);
      }
    }
    if (batch.length) {
      flush(batch);
      done += batch.length;
      opts.onProgress?.(done);
    }
    db.transaction(() => {
      for (const [no, id] of links) setLink.run(no, id);
    })();
  };

  const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM customers)').pluck().get() === 1;
  if (opts.count < (opts.bulkMin ?? BULK_SEED_MIN) || !empty) {
    seedAll();
    return done;
  }
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    db.transaction(() => {
      const indexes = db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN (${BULK_INDEXED_TABLES.map(() => '?').join(', ')})`,
        )
        .all(...BULK_INDEXED_TABLES) as { name: string; sql: string }[];
      for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
      seedAll();
      for (const i of indexes) db.exec(i.sql);
    }).immediate();
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
    db.pragma('shrink_memory');
  }
  return done;
}
