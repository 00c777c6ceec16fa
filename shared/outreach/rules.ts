import { classifyTier, TIER_KEYS, type TierKey } from '../customer/tier';
import { formatFen } from '../money';
import { branchDay } from '../queue/numbering';
import { zonedInstant } from '../import/values';
import type { OutreachConfig, OutreachRuleKey, OutreachRules } from './config';
import type { BalancePoint, OutreachContext, OutreachCustomer, OutreachHit } from './types';

/**
 * The outreach list rules (客户经营): pure, one per list, each reading its part of the config. A rule answers why
 * the customer is on its list today (a reason the RM can read out) and since when the contact is due, or null.
 */

export const DAY_MS = 86_400_000;
/** "M months" of balance history are counted as M × 30 days: imports are monthly at best. */
const MONTH_MS = 30 * DAY_MS;

const rank = (t: TierKey) => TIER_KEYS.indexOf(t);
const yuan = (fen: number) => formatFen(fen, { decimals: false });
const dayMemo = new Map<string, string>();
/**
 * The branch day of an instant, remembered per quarter hour: every time zone's offset is a whole number of quarter
 * hours, so no day starts inside one. The lists ask it for every customer (today, last contacts); a time-zone
 * conversion each time was most of their cost at 100,000 customers.
 */
function date(at: number, tz: string): string {
  const k = `${tz}|${Math.floor(at / 900_000)}`;
  let d = dayMemo.get(k);
  if (d === undefined) {
    if (dayMemo.size > 100_000) dayMemo.clear();
    d = branchDay(at, tz);
    dayMemo.set(k, d);
  }
  return d;
}

function tierName(ctx: OutreachContext, t: TierKey): { zh: string; en: string } {
  const b = ctx.tiers.find((x) => x.key === t);
  return { zh: b?.zh ?? t, en: b?.en ?? t };
}

/** Since the last contact for this list, the cooldown has not passed: not listed again yet. */
function coolingDown(c: OutreachCustomer, key: OutreachRuleKey, cooldownDays: number, now: number): boolean {
  const last = c.lastContactByRule[key];
  return last !== undefined && now - last < cooldownDays * DAY_MS;
}

/** 沉睡: no visit and no transaction for N days, the lifecycle agrees, and the tier is one worth a call. */
export function dormantRule(
  c: OutreachCustomer,
  r: OutreachRules['dormant'],
  ctx: OutreachContext,
): OutreachHit | null {
  if (!r.lifecycles.includes(c.lifecycle)) return null;
  if (!r.tiers.includes(classifyTier(c.aumFen, ctx.tiers).tier)) return null;
  const last = Math.max(c.lastVisitAt ?? 0, c.lastTxnAt ?? 0, c.createdAt);
  const idle = Math.floor((ctx.now - last) / DAY_MS);
  if (idle < r.inactiveDays) return null;
  return {
    rule: 'dormant',
    reason: {
      zh: `已${idle}天无到访、无交易`,
      en: `No visit and no transaction for ${idle} days`,
    },
    dueAt: last + r.inactiveDays * DAY_MS,
  };
}

/** The balance the window opens with: the last snapshot at or before its start, else the first inside it. */
function opening(history: readonly BalancePoint[], from: number): BalancePoint | undefined {
  let open: BalancePoint | undefined;
  for (const p of history) {
    if (p.asOf <= from) open = p;
    else return open ?? p;
  }
  return open;
}

/** 流失预警: AUM down by X% or more over M months of balance history, or a lower tier at the last import. */
export function churnRiskRule(
  c: OutreachCustomer,
  r: OutreachRules['churnRisk'],
  ctx: OutreachContext,
): OutreachHit | null {
  const h = c.history;
  const last = h.at(-1);
  if (!last) return null;
  const from = last.asOf - r.months * MONTH_MS;
  // The highest balance in the window (its opening balance included): a fall from a peak counts.
  let peak: BalancePoint | undefined = opening(h, from);
  for (const p of h) if (p.asOf > from && p !== last && (!peak || p.aumFen > peak.aumFen)) peak = p;
  if (peak && peak !== last && peak.aumFen >= r.minAumFen && peak.aumFen > 0) {
    const pct = Math.floor(((peak.aumFen - last.aumFen) * 100) / peak.aumFen);
    if (pct >= r.dropPct) {
      return {
        rule: 'churnRisk',
        reason: {
          zh: `金融资产下降${pct}%（${yuan(peak.aumFen)} → ${yuan(last.aumFen)}，${r.months}个月内）`,
          en: `AUM down ${pct}% (${yuan(peak.aumFen)} → ${yuan(last.aumFen)}) within ${r.months} months`,
        },
        dueAt: last.asOf,
      };
    }
  }
  const prev = h.at(-2);
  if (r.tierDowngrade && prev && rank(last.tier) < rank(prev.tier) && prev.aumFen >= r.minAumFen) {
    const a = tierName(ctx, prev.tier);
    const b = tierName(ctx, last.tier);
    return {
      rule: 'churnRisk',
      reason: {
        zh: `最近一次导入降级：${a.zh} → ${b.zh}`,
        en: `Tier down at the last import: ${a.en} → ${b.en}`,
      },
      dueAt: last.asOf,
    };
  }
  return null;
}

/** The first instant of the branch month of `now`, and of the next month. */
const monthMemo = new Map<string, { from: number; to: number }>();
function monthBounds(now: number, timeZone: string): { from: number; to: number } {
  const month = `${timeZone}|${date(now, timeZone).slice(0, 7)}`;
  let b = monthMemo.get(month);
  if (!b) {
    const [y, m] = month
      .slice(timeZone.length + 1)
      .split('-')
      .map(Number) as [number, number];
    b = {
      from: zonedInstant({ y, m, d: 1, minutes: 0 }, timeZone),
      to: zonedInstant({ y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1, minutes: 0 }, timeZone),
    };
    monthMemo.set(month, b);
  }
  return b;
}

/** 达标: crossed a milestone (5万) or reached the next tier this month: congratulate, the 5万达标 campaign. */
export function crossedRule(
  c: OutreachCustomer,
  r: OutreachRules['crossed'],
  ctx: OutreachContext,
): OutreachHit | null {
  // The branch month as two instants (cached per day), not a calendar date per snapshot: the lists run over every
  // customer's history, and a time-zone conversion per point was most of their cost.
  const { from, to } = monthBounds(ctx.now, ctx.timeZone);
  const inMonth = c.history.filter((p) => p.asOf >= from && p.asOf < to);
  const last = inMonth.at(-1);
  if (!last) return null;
  let before: BalancePoint | undefined;
  for (const p of c.history) if (p.asOf < from) before = p;
  // Without a balance from before this month, only a customer new this month is known to have started at 0.
  if (!before && c.createdAt < from) return null;
  const startFen = before?.aumFen ?? 0;
  const startTier = before ? before.tier : classifyTier(0, ctx.tiers).tier;
  const crossedAt = (limit: number) => inMonth.find((p) => p.aumFen >= limit)?.asOf ?? last.asOf;
  const milestone = [...r.milestonesFen].sort((a, b) => b - a).find((m) => startFen < m && last.aumFen >= m);
  if (milestone !== undefined) {
    return {
      rule: 'crossed',
      reason: { zh: `本月资产达到${yuan(milestone)}`, en: `Reached ${yuan(milestone)} this month` },
      dueAt: crossedAt(milestone),
    };
  }
  if (r.nextTier && rank(last.tier) > rank(startTier)) {
    const t = tierName(ctx, last.tier);
    const band = ctx.tiers.find((b) => b.key === last.tier);
    return {
      rule: 'crossed',
      reason: { zh: `本月升级为${t.zh}`, en: `Moved up to ${t.en} this month` },
      dueAt: crossedAt(band?.minFen ?? last.aumFen),
    };
  }
  return null;
}

/**
 * Since when the periodic rule has applied to the customer: a never-contacted customer's first contact is due from
 * then, not from the opening date (a customer of 2015 who reached 高端 last month, or was handed to an RM last week,
 * is listed as due since then, not years overdue). The latest of: the opening; the start of the unbroken run of
 * balance snapshots in a tier that has an interval (by grade, which has no history: the opening); the current
 * owner's assignment (a new owner introduces themselves).
 */
export function periodicEligibleSince(c: OutreachCustomer, r: OutreachRules['periodic']): number {
  let since = c.createdAt;
  const byGrade = c.corporateGrade ? r.everyDaysByGrade[c.corporateGrade] : undefined;
  if (byGrade === undefined) {
    let run: number | null = null;
    for (let i = c.history.length - 1; i >= 0; i--) {
      const p = c.history[i] as BalancePoint;
      if (r.everyDaysByTier[p.tier] === undefined) break;
      run = p.asOf;
    }
    if (run !== null) since = Math.max(since, run);
  }
  if (c.ownedSince !== null) since = Math.max(since, c.ownedSince);
  return since;
}

/** 定期回访: every N days by tier or corporate grade, more often for 主动/伙伴式 relationships. */
export function periodicRule(
  c: OutreachCustomer,
  r: OutreachRules['periodic'],
  ctx: OutreachContext,
): OutreachHit | null {
  const tier = classifyTier(c.aumFen, ctx.tiers).tier;
  const byTier = r.everyDaysByTier[tier];
  const byGrade = c.corporateGrade ? r.everyDaysByGrade[c.corporateGrade] : undefined;
  const base = [byTier, byGrade].filter((d): d is number => d !== undefined);
  if (base.length === 0) return null;
  const pct = r.relationshipPct[c.relationshipType] ?? 100;
  const every = Math.max(1, Math.round((Math.min(...base) * pct) / 100));
  // Never contacted: the first contact is due as soon as the rule applies; then every N days from the last one.
  const since = c.lastContactAt ?? periodicEligibleSince(c, r);
  const dueAt = c.lastContactAt !== null ? since + every * DAY_MS : since;
  if (ctx.now < dueAt) return null;
  return {
    rule: 'periodic',
    reason: c.lastContactAt
      ? {
          zh: `每${every}天回访一次，上次联系 ${date(c.lastContactAt, ctx.timeZone)}`,
          en: `Contact every ${every} days; last contact ${date(c.lastContactAt, ctx.timeZone)}`,
        }
      : {
          zh: `每${every}天回访一次，尚无联系记录（${date(since, ctx.timeZone)}起）`,
          en: `Contact every ${every} days; never contacted (due since ${date(since, ctx.timeZone)})`,
        },
    dueAt,
  };
}

/** 到期: a deposit or wealth product maturing within N days (the soonest one). */
export function maturityRule(
  c: OutreachCustomer,
  r: OutreachRules['maturity'],
  ctx: OutreachContext,
): OutreachHit | null {
  const soon = c.maturities
    .filter((m) => m.maturityAt >= ctx.now - DAY_MS && m.maturityAt <= ctx.now + r.withinDays * DAY_MS)
    .sort((a, b) => a.maturityAt - b.maturityAt)[0];
  if (!soon) return null;
  const day = date(soon.maturityAt, ctx.timeZone);
  const what = soon.productCode ?? soon.productType;
  return {
    rule: 'maturity',
    reason: {
      zh: `${what}（${yuan(soon.balanceFen)}）${day} 到期`,
      en: `${what} (${yuan(soon.balanceFen)}) matures ${day}`,
    },
    dueAt: soon.maturityAt - r.withinDays * DAY_MS,
  };
}

/** 生日关怀: the birth month (only the month is kept) of a customer in the configured tiers. */
export function birthdayRule(
  c: OutreachCustomer,
  r: OutreachRules['birthday'],
  ctx: OutreachContext,
): OutreachHit | null {
  if (c.kind !== 'individual' || !c.birthMonth) return null;
  if (!r.tiers.includes(classifyTier(c.aumFen, ctx.tiers).tier)) return null;
  const today = date(ctx.now, ctx.timeZone);
  if (c.birthMonth.slice(5, 7) !== today.slice(5, 7)) return null;
  // Due from the first of the month: the branch day's midnight, back to the 1st.
  const dueAt = ctx.now - (Number(today.slice(8, 10)) - 1) * DAY_MS;
  return { rule: 'birthday', reason: { zh: '本月生日', en: 'Birthday this month' }, dueAt };
}

/** 新客户首月: opened within the first N days and not yet contacted since. */
export function onboardingRule(
  c: OutreachCustomer,
  r: OutreachRules['onboarding'],
  ctx: OutreachContext,
): OutreachHit | null {
  const age = ctx.now - c.createdAt;
  if (age < 0 || age > r.firstDays * DAY_MS) return null;
  if (c.lastContactAt !== null && c.lastContactAt >= c.createdAt) return null;
  const d = Math.floor(age / DAY_MS);
  return {
    rule: 'onboarding',
    reason: { zh: `新客户，开户第${d + 1}天`, en: `New customer, day ${d + 1} since opening` },
    dueAt: c.createdAt + r.callWithinDays * DAY_MS,
  };
}

type Rule<K extends OutreachRuleKey> = (
  c: OutreachCustomer,
  r: OutreachRules[K],
  ctx: OutreachContext,
) => OutreachHit | null;

const RULES: { [K in OutreachRuleKey]: Rule<K> } = {
  churnRisk: churnRiskRule,
  dormant: dormantRule,
  maturity: maturityRule,
  periodic: periodicRule,
  crossed: crossedRule,
  onboarding: onboardingRule,
  birthday: birthdayRule,
};

function runRule<K extends OutreachRuleKey>(
  key: K,
  c: OutreachCustomer,
  cfg: OutreachConfig,
  ctx: OutreachContext,
): OutreachHit | null {
  const r = cfg.rules[key];
  if (!r.enabled || coolingDown(c, key, r.cooldownDays, ctx.now)) return null;
  return RULES[key](c, r, ctx);
}

/** Every list the customer is on today, in the config's order (churn risk first). */
export function outreachHits(
  c: OutreachCustomer,
  cfg: OutreachConfig,
  ctx: OutreachContext,
  only?: OutreachRuleKey,
): OutreachHit[] {
  const keys = only ? [only] : (Object.keys(RULES) as OutreachRuleKey[]);
  const out: OutreachHit[] = [];
  for (const k of keys) {
    const hit = runRule(k, c, cfg, ctx);
    if (hit) out.push(hit);
  }
  return out;
}

/** Overdue: due more than the config's overdueAfterDays ago. */
export function isOverdue(hit: Pick<OutreachHit, 'dueAt'>, cfg: OutreachConfig, now: number): boolean {
  return now - hit.dueAt > cfg.overdueAfterDays * DAY_MS;
}
