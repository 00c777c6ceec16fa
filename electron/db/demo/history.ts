import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../connection';
import { RandomPool } from '../random-pool';
import { TicketRepo } from '../repos/tickets';
import { SHOWCASE } from './showcase';
import { historyVisits, type HistoryCounter, type HistoryCustomer } from './visits';

export interface HistoryCounts {
  visits: number;
  events: number;
  outcomes: number;
  complaints: number;
}

/** Customers the history draws its known visitors from (the first ones seeded). */
const CUSTOMER_SAMPLE = 20_000;
/** The showcase customers keep a clean slate: the UI tour and the end-to-end tests start from their data as seeded. */
const SHOWCASE_NOS = Object.values(SHOWCASE).map((c) => c.customerNo);

/**
 * Writes past visits (electron/db/demo/visits.ts) through the ticket store (TicketRepo.importLog: the tickets
 * row, the event log and ticket_facts), with their suggestion outcomes and complaints, in batched transactions.
 * The counters, their staff and the customers are the branch's own. Deterministic for a seed, except the ids.
 */
export function seedHistory(
  store: Store,
  rules: RulesConfig,
  opts: {
    days: readonly string[];
    perDay: number;
    seed: number;
    until?: number;
    deviceId?: string;
    /** false: no suggestion outcomes (they would feed the learned conversion that ranks suggestions). */
    outcomes?: boolean;
    batch?: number;
    onProgress?: (c: HistoryCounts) => void;
  },
): HistoryCounts {
  const db = store.sqlite;
  const staffOf = new Map(
    db
      .prepare<[], { id: string; counter_id: string }>(
        `SELECT id, counter_id FROM staff WHERE counter_id IS NOT NULL AND active = 1 ORDER BY created_at, id`,
      )
      .all()
      .map((r) => [r.counter_id, r.id]),
  );
  const counters: HistoryCounter[] = db
    .prepare<[], { id: string; queues: string }>('SELECT id, queues FROM counters ORDER BY number')
    .all()
    .map((r) => ({ id: r.id, queues: JSON.parse(r.queues) as string[], staffId: staffOf.get(r.id) ?? null }));
  // The top two bands are the VIP room's (中高端 and up in the default bands).
  const vipTiers = new Set<string>(rules.customer.tiers.slice(-2).map((t) => t.key));
  const customers: HistoryCustomer[] = db
    .prepare<unknown[], { id: string; kind: string; tier: string | null }>(
      `SELECT id, kind, tier FROM customers WHERE customer_no NOT IN (${SHOWCASE_NOS.map(() => '?').join(', ')})
       ORDER BY customer_no LIMIT ?`,
    )
    .all(...SHOWCASE_NOS, CUSTOMER_SAMPLE)
    .map((r) => ({
      id: r.id,
      kind: r.kind === 'corporate' ? 'corporate' : 'individual',
      vip: r.tier !== null && vipTiers.has(r.tier),
    }));
  const anyStaff = [...staffOf.values()][0] ?? null;

  const tickets = new TicketRepo(store);
  const insOutcome = db.prepare(
    `INSERT INTO suggestion_outcomes (id, ticket_id, customer_id, product_code, outcome, staff_id, at, campaign_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insComplaint = db.prepare(
    `INSERT INTO complaints (id, customer_id, ticket_id, category, description, status, deadline_at, resolution,
       created_by, created_at, resolved_at, resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ids = new RandomPool();
  const counts: HistoryCounts = { visits: 0, events: 0, outcomes: 0, complaints: 0 };
  const visits = historyVisits({
    days: opts.days,
    perDay: opts.perDay,
    seed: opts.seed,
    counters,
    customers,
    rules,
    deviceId: opts.deviceId ?? 'history',
    until: opts.until,
    newId: () => ids.uuid(),
  });
  const batchSize = opts.batch ?? 5000;
  const writeBatch = db.transaction((n: number): boolean => {
    for (let i = 0; i < n; i++) {
      const next = visits.next();
      if (next.done) return false;
      const v = next.value;
      tickets.importLog(v.events, v.state);
      counts.visits += 1;
      counts.events += v.events.length;
      const o = v.outcome;
      if (o && v.state.customerId && opts.outcomes !== false) {
        insOutcome.run(
          o.id,
          v.state.id,
          v.state.customerId,
          o.productCode,
          o.outcome,
          o.staffId,
          o.at,
          o.campaignId,
        );
        counts.outcomes += 1;
      }
      const c = v.complaint;
      const by = v.events.findLast((e) => e.staffId)?.staffId ?? anyStaff;
      if (c && by) {
        insComplaint.run(
          c.id,
          v.state.customerId,
          v.state.id,
          c.category,
          '（演示数据）客户对本次办理提出意见',
          c.resolvedAt === null ? 'open' : 'resolved',
          c.deadlineAt,
          c.resolvedAt === null ? null : '（演示数据）已致电客户说明并致歉',
          by,
          c.createdAt,
          c.resolvedAt,
          c.resolvedAt === null ? null : by,
        );
        counts.complaints += 1;
      }
    }
    return true;
  });
  while (writeBatch(batchSize)) opts.onProgress?.({ ...counts });
  opts.onProgress?.({ ...counts });
  return counts;
}
