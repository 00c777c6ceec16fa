import { v7 } from 'uuid';
import type { RulesConfig } from '@shared/config/schema';
import { zonedInstant } from '@shared/import/values';
import type { OutreachRuleKey } from '@shared/outreach/config';
import { DAY_MS, outreachHits, periodicRule } from '@shared/outreach/rules';
import type { TierKey } from '@shared/customer/tier';
import type { BalancePoint, OutreachContext, OutreachCustomer } from '@shared/outreach/types';
import { branchDay } from '@shared/queue/numbering';
import type { Store } from '../connection';
import { outreachBaseFromRow, type OutreachBaseRow } from '../convert/outreach';
import { RandomPool } from '../random-pool';
import { OutreachRepo } from '../repos/outreach';
import { pickWeighted, Rng } from './random';
import { SHOWCASE } from './showcase';

/** The RM works a due contact within this many days (an RM's list is worked through, not cleared in a morning). */
const LAG_DAYS = 6;
/** Working hours of a call, branch time, in minutes after midnight: 10:00 to 17:00. */
const FROM_MINUTE = 600;
const TO_MINUTE = 1020;
/** How a contact went, with weights: most calls reach the customer; an unanswered one is tried again. */
const RESULTS: readonly (readonly [string, number])[] = [
  ['reached', 0.84],
  ['no_answer', 0.12],
  ['declined', 0.04],
];
const CHANNELS: readonly (readonly [string, number])[] = [
  ['phone', 0.62],
  ['wechat', 0.25],
  ['visit', 0.09],
  ['sms', 0.04],
];
const SALT = 0x636f6e74;
/** A reached churn-risk customer says why their balance went this often (the RM records it: 流失原因). */
const CHURN_REASON_SHARE = 0.7;
/** The next step an RM writes on an unanswered call. */
const RETRY_STEP = '再次致电';
const SHOWCASE_NOS = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));

type Row = OutreachBaseRow & { owner_id: string; assigned_at: number; do_not_contact: number | null };

/**
 * The instant of a working-hours call on the first weekday at or after `at` plus `lagDays`, branch time. Demo
 * data: the branch's real calendar (holidays, 调休 Saturdays) is not consulted.
 */
function callTime(at: number, lagDays: number, minute: number, tz: string): number {
  let day = branchDay(at + lagDays * DAY_MS, tz);
  for (;;) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return zonedInstant({ y, m, d, minutes: minute }, tz);
    day = branchDay(Date.UTC(y, m - 1, d, 12) + DAY_MS, tz);
  }
}

/**
 * The contact log of a branch that has been running (客户经营): each owned customer was called by their RM when the
 * 定期回访 rule said so, a few working days late at most, since the RM was given them (seedOwners), for the list
 * the customer was first on then (read with the balance files imported by then: seedSnapshots), noting the balance
 * of then and, for a churn risk reached, often why it fell; an unanswered call was tried again a day or two later.
 * The reasons are the rules' own words at the time. So today's outreach
 * list holds what fell due lately, as at a real branch, not the whole book at once. The showcase customers keep
 * their clean slate, and a do-not-contact customer is never called. Deterministic for a seed, except the ids.
 * How many contacts were written.
 */
export function seedContacts(store: Store, rules: RulesConfig, now: number, seed: number): number {
  const tz = rules.branch.timezone;
  const periodic = rules.outreach.rules.periodic;
  if (!periodic.enabled) return 0;
  const rows = store.sqlite
    .prepare<[], Row>(
      `SELECT c.id, c.customer_no, c.kind, c.name, c.phone_masked, c.aum_fen, c.lifecycle, c.relationship_type,
         c.corporate_grade, c.birth_month, c.marketing_consent, c.created_at, c.last_visit_at, c.last_txn_at,
         o.owner_id, o.assigned_at, m.do_not_contact
       FROM customer_owners o JOIN customers c ON c.id = o.customer_id
       LEFT JOIN customer_marks m ON m.customer_id = c.id
       ORDER BY c.customer_no`,
    )
    .all();
  const repo = new OutreachRepo(store);
  // Each owned customer's balance history (seedSnapshots), oldest first: the lists of a call's day read what had been
  // imported by then, and a call notes the balance of then. (Tiers as seedSnapshots wrote them: the rules' keys.)
  const history = new Map<string, BalancePoint[]>();
  // In chunks: a big demo (DEMO_CUSTOMERS) owns more customers than a statement takes parameters.
  for (let at = 0; at < rows.length; at += 5_000) {
    for (const [id, ps] of repo.history(rows.slice(at, at + 5_000).map((r) => r.id)))
      history.set(
        id,
        ps.map((p) => ({ ...p, tier: p.tier as TierKey })),
      );
  }
  const churnReasons = rules.outreach.churnReasons.map((r) => r.key);
  const ids = new RandomPool();
  const rng = new Rng();
  const ctxAt = (t: number): OutreachContext => ({ now: t, timeZone: tz, tiers: rules.customer.tiers });
  let written = 0;
  store.tx(() => {
    rows.forEach((r, index) => {
      if (SHOWCASE_NOS.has(r.customer_no) || r.do_not_contact === 1) return;
      rng.reseed(seed, index, SALT);
      const filesBy = (t: number) => (history.get(r.id) ?? []).filter((p) => p.asOf <= t);
      const c: OutreachCustomer = {
        ...outreachBaseFromRow(r),
        history: [],
        maturities: [],
        ownedSince: r.assigned_at,
        lastContactAt: null,
        lastContactByRule: {},
      };
      for (;;) {
        // When the rule next asks for a call (asked of a far future, it tells when it fell due), and the RM's call.
        const due = periodicRule(c, periodic, ctxAt(Number.MAX_SAFE_INTEGER));
        if (!due) return;
        const minute = FROM_MINUTE + Math.floor(rng.next() * (TO_MINUTE - FROM_MINUTE));
        let at = callTime(due.dueAt, Math.floor(rng.next() * LAG_DAYS), minute, tz);
        // Due in the afternoon and called in the morning of the same day would be before it fell due.
        if (at < due.dueAt) at = callTime(due.dueAt, 1, minute, tz);
        if (at > now) return;
        // Logged for the first list the customer is on then (a dormant customer's call is the 沉睡唤醒 list's, which
        // then rests for its cool-down). An unanswered call is tried again a working day or two later, as the RM
        // noted on it (再次致电).
        const hit = outreachHits({ ...c, history: filesBy(at) }, rules.outreach, ctxAt(at))[0];
        let attempt: { at: number; rule: OutreachRuleKey | null; reason: string | null } = {
          at,
          rule: hit?.rule ?? null,
          reason: hit?.reason.zh ?? null,
        };
        for (;;) {
          const result = pickWeighted(rng, RESULTS);
          const churnReason =
            attempt.rule === 'churnRisk' && result === 'reached' && rng.next() < CHURN_REASON_SHARE
              ? (churnReasons[Math.floor(rng.next() * churnReasons.length)] ?? null)
              : null;
          const retryAt =
            result === 'no_answer' ? callTime(attempt.at, 1 + Math.floor(rng.next() * 2), minute, tz) : null;
          repo.addContact({
            id: v7({ msecs: attempt.at, random: ids.take(16) }),
            customer_id: r.id,
            staff_id: r.owner_id,
            at: attempt.at,
            branch_day: branchDay(attempt.at, tz),
            channel: pickWeighted(rng, CHANNELS),
            result,
            rule: attempt.rule,
            reason: attempt.reason,
            note: null,
            next_step: retryAt === null ? null : RETRY_STEP,
            next_at: retryAt,
            churn_reason: churnReason,
            aum_fen: filesBy(attempt.at).at(-1)?.aumFen ?? r.aum_fen,
          });
          written++;
          c.lastContactAt = attempt.at;
          if (attempt.rule) c.lastContactByRule = { ...c.lastContactByRule, [attempt.rule]: attempt.at };
          if (retryAt === null) break;
          if (retryAt > now) return;
          attempt = { at: retryAt, rule: null, reason: null };
        }
      }
    });
  });
  return written;
}
