import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../customer/config';
import { TIER_KEYS } from '../customer/tier';
import { defaultOutreachConfig, outreachConfigSchema, type OutreachConfig } from './config';
import {
  birthdayRule,
  churnRiskRule,
  crossedRule,
  DAY_MS,
  dormantRule,
  isOverdue,
  maturityRule,
  onboardingRule,
  outreachHits,
  periodicEligibleSince,
  periodicRule,
} from './rules';
import type { BalancePoint, OutreachContext, OutreachCustomer } from './types';

const cfg = defaultOutreachConfig;
const R = cfg.rules;
/** 2026-06-15 12:00 in Shanghai. */
const NOW = Date.UTC(2026, 5, 15, 4);
const ctx: OutreachContext = { now: NOW, timeZone: 'Asia/Shanghai', tiers: defaultCustomerConfig.tiers };
const wan = (n: number) => n * 10_000 * 100;
const ago = (days: number) => NOW - days * DAY_MS;

/** A fixture balance history: monthly imports, oldest first. */
function history(...points: [daysAgo: number, aumWan: number, tier: BalancePoint['tier']][]): BalancePoint[] {
  return points.map(([d, w, tier]) => ({ asOf: ago(d), aumFen: wan(w), tier }));
}

function customer(p: Partial<OutreachCustomer> = {}): OutreachCustomer {
  return {
    id: 'c1',
    kind: 'individual',
    aumFen: wan(100),
    lifecycle: 'active',
    relationshipType: 'responsible',
    corporateGrade: null,
    birthMonth: null,
    createdAt: ago(900),
    lastVisitAt: ago(10),
    lastTxnAt: ago(5),
    history: history([120, 100, 'high'], [90, 100, 'high'], [60, 100, 'high'], [30, 100, 'high']),
    maturities: [],
    ownedSince: null,
    lastContactAt: ago(10),
    lastContactByRule: {},
    ...p,
  };
}

describe('dormant', () => {
  it('lists a dormant customer idle past the threshold, with the idle days', () => {
    const c = customer({ lifecycle: 'dormant', lastVisitAt: ago(400), lastTxnAt: ago(200) });
    const hit = dormantRule(c, R.dormant, ctx);
    expect(hit?.reason.zh).toBe('已200天无到访、无交易');
    expect(hit?.dueAt).toBe(ago(200) + R.dormant.inactiveDays * DAY_MS);
  });
  it('skips recent activity and lifecycles outside the rule', () => {
    expect(dormantRule(customer({ lifecycle: 'dormant', lastTxnAt: ago(30) }), R.dormant, ctx)).toBeNull();
    const active = customer({ lifecycle: 'active', lastVisitAt: ago(400), lastTxnAt: ago(400) });
    expect(dormantRule(active, R.dormant, ctx)).toBeNull();
  });
  it('skips tiers outside the rule: a dormant account holding almost nothing is not worth a call', () => {
    const idle = { lifecycle: 'dormant', lastVisitAt: ago(400), lastTxnAt: ago(400) } as const;
    expect(R.dormant.tiers).not.toContain('potential');
    expect(dormantRule(customer({ ...idle, aumFen: wan(0.5) }), R.dormant, ctx)).toBeNull();
    expect(dormantRule(customer({ ...idle, aumFen: wan(1) }), R.dormant, ctx)?.rule).toBe('dormant');
    const all = { ...R.dormant, tiers: [...TIER_KEYS] };
    expect(dormantRule(customer({ ...idle, aumFen: 0 }), all, ctx)?.rule).toBe('dormant');
  });
  it('reads a version saved before the tier filter existed, with the default tiers', () => {
    const { tiers, ...before } = R.dormant;
    const old = { ...cfg, rules: { ...R, dormant: before } };
    expect(outreachConfigSchema.parse(old).rules.dormant.tiers).toEqual(tiers);
  });
});

describe('churn risk', () => {
  it('lists a 40% fall within the window, from the peak', () => {
    const c = customer({
      history: history([100, 80, 'high'], [60, 100, 'high'], [1, 60, 'high']),
      aumFen: wan(60),
    });
    const hit = churnRiskRule(c, R.churnRisk, ctx);
    expect(hit?.rule).toBe('churnRisk');
    expect(hit?.reason.zh).toContain('下降40%');
    expect(hit?.reason.en).toContain('¥1,000,000 → ¥600,000');
    expect(hit?.dueAt).toBe(ago(1));
  });
  it('does not list a fall below the threshold or one older than the window', () => {
    const small = customer({ history: history([60, 100, 'high'], [1, 75, 'high']) });
    expect(churnRiskRule(small, R.churnRisk, ctx)).toBeNull();
    // The peak 200 days before the last import is outside 3 months; inside it the balance is flat.
    const old = customer({ history: history([200, 200, 'high'], [95, 100, 'high'], [1, 100, 'high']) });
    expect(churnRiskRule(old, R.churnRisk, ctx)).toBeNull();
  });
  it('lists a tier downgrade at the last import even when the fall is small', () => {
    const c = customer({ history: history([30, 52, 'high'], [1, 48, 'mid']), aumFen: wan(48) });
    const hit = churnRiskRule(c, R.churnRisk, ctx);
    expect(hit?.reason.zh).toBe('最近一次导入降级：高端客户 → 中端客户');
    expect(churnRiskRule(c, { ...R.churnRisk, tierDowngrade: false }, ctx)).toBeNull();
  });
  it('ignores small balances', () => {
    const c = customer({ history: history([30, 2, 'effective'], [1, 0.5, 'potential']) });
    expect(churnRiskRule(c, R.churnRisk, ctx)).toBeNull();
  });
});

describe('crossed 5万 / next tier', () => {
  it('congratulates a customer who crossed 5万 this month', () => {
    const c = customer({ history: history([40, 4.2, 'effective'], [10, 5.1, 'mid']), aumFen: wan(5.1) });
    const hit = crossedRule(c, R.crossed, ctx);
    expect(hit?.reason.zh).toBe('本月资产达到¥50,000');
    expect(hit?.dueAt).toBe(ago(10));
  });
  it('lists the next tier reached this month, not last month', () => {
    const up = customer({ history: history([40, 40, 'mid'], [3, 55, 'high']) });
    expect(crossedRule(up, R.crossed, ctx)?.reason.en).toBe('Moved up to High-end this month');
    const lastMonth = customer({ history: history([40, 40, 'mid'], [20, 55, 'high']) });
    expect(crossedRule(lastMonth, R.crossed, ctx)).toBeNull();
  });
  it('needs a balance from before the month, unless the customer is new this month', () => {
    const unknownStart = customer({ history: history([3, 60, 'high']) });
    expect(crossedRule(unknownStart, R.crossed, ctx)).toBeNull();
    const newThisMonth = customer({ createdAt: ago(5), history: history([3, 6, 'mid']) });
    expect(crossedRule(newThisMonth, R.crossed, ctx)?.reason.zh).toBe('本月资产达到¥50,000');
  });
});

describe('periodic contact', () => {
  it('私行 monthly: due 30 days after the last contact', () => {
    const c = customer({ aumFen: wan(700), lastContactAt: ago(31) });
    const hit = periodicRule(c, R.periodic, ctx);
    expect(hit?.dueAt).toBe(ago(1));
    expect(periodicRule({ ...c, lastContactAt: ago(20) }, R.periodic, ctx)).toBeNull();
  });
  it('高端 quarterly, and partnership relationships twice as often', () => {
    const c = customer({ aumFen: wan(100), lastContactAt: ago(50) });
    expect(periodicRule(c, R.periodic, ctx)).toBeNull();
    const partner = { ...c, relationshipType: 'partnership' as const };
    expect(periodicRule(partner, R.periodic, ctx)?.reason.zh).toContain('每45天');
  });
  it('strategic corporate customers by grade; mass tiers have no periodic contact', () => {
    const corp = customer({
      kind: 'corporate',
      aumFen: wan(1),
      corporateGrade: 'strategic',
      lastContactAt: null,
    });
    expect(periodicRule(corp, R.periodic, ctx)?.reason.en).toBe(
      'Contact every 30 days; never contacted (due since 2023-12-28)',
    );
    expect(periodicRule(customer({ aumFen: wan(2), lastContactAt: null }), R.periodic, ctx)).toBeNull();
  });
  it('a never-contacted customer is due from when they became eligible, not from the opening', () => {
    // Opened 900 days ago as a mass customer, 高端 (quarterly) for the last 60 days, never contacted: due since
    // reaching 高端 (overdue by 57 days), not since the opening (which would be 900 days overdue).
    const riser = customer({
      lastContactAt: null,
      history: history([300, 10, 'mid'], [120, 20, 'mid'], [60, 100, 'high'], [30, 100, 'high']),
    });
    expect(periodicEligibleSince(riser, R.periodic)).toBe(ago(60));
    const hit = periodicRule(riser, R.periodic, ctx);
    expect(hit?.dueAt).toBe(ago(60));
    expect(hit?.reason.zh).toBe('每90天回访一次，尚无联系记录（2026-04-16起）');
    // Handed to an RM yesterday: due from the assignment, so not overdue yet, whatever the history says.
    const handed = customer({ lastContactAt: null, ownedSince: ago(1) });
    expect(periodicEligibleSince(handed, R.periodic)).toBe(ago(1));
    const fresh = periodicRule(handed, R.periodic, ctx);
    expect(fresh?.dueAt).toBe(ago(1));
    expect(isOverdue(fresh ?? { dueAt: 0 }, cfg, NOW)).toBe(false);
    expect(isOverdue(fresh ?? { dueAt: 0 }, cfg, NOW + 3 * DAY_MS)).toBe(true);
    // Once contacted, the next contact counts from the last one (an interval later), whoever the owner is.
    expect(periodicRule({ ...handed, lastContactAt: ago(20) }, R.periodic, ctx)).toBeNull();
    expect(periodicRule({ ...handed, lastContactAt: ago(100) }, R.periodic, ctx)?.dueAt).toBe(ago(10));
    // Without an eligible snapshot or an owner, the opening is the start, as before.
    const old = customer({ lastContactAt: null, history: [] });
    expect(periodicEligibleSince(old, R.periodic)).toBe(ago(900));
    // A customer who fell out of the interval's tiers and came back: the run restarts.
    const back = customer({
      lastContactAt: null,
      history: history([200, 100, 'high'], [100, 20, 'mid'], [40, 100, 'high']),
    });
    expect(periodicRule(back, R.periodic, ctx)?.dueAt).toBe(ago(40));
  });
});

describe('maturity', () => {
  it('lists the soonest product maturing within N days', () => {
    const c = customer({
      maturities: [
        {
          productType: 'time_deposit',
          productCode: 'TD3Y',
          balanceFen: wan(20),
          maturityAt: NOW + 10 * DAY_MS,
        },
        { productType: 'wealth', productCode: 'WM90', balanceFen: wan(30), maturityAt: NOW + 40 * DAY_MS },
      ],
    });
    expect(maturityRule(c, R.maturity, ctx)?.reason.zh).toBe('TD3Y（¥200,000）2026-06-25 到期');
    expect(maturityRule(customer({ maturities: [] }), R.maturity, ctx)).toBeNull();
  });
});

describe('birthday', () => {
  it('lists the birth month for the configured tiers only', () => {
    expect(birthdayRule(customer({ birthMonth: '1960-06' }), R.birthday, ctx)?.reason.zh).toBe('本月生日');
    expect(birthdayRule(customer({ birthMonth: '1960-07' }), R.birthday, ctx)).toBeNull();
    expect(birthdayRule(customer({ birthMonth: '1960-06', aumFen: wan(1) }), R.birthday, ctx)).toBeNull();
  });
});

describe('onboarding', () => {
  it('lists a new customer not yet contacted in the first 30 days', () => {
    const c = customer({ createdAt: ago(3), lastContactAt: null });
    const hit = onboardingRule(c, R.onboarding, ctx);
    expect(hit?.reason.zh).toBe('新客户，开户第4天');
    expect(onboardingRule({ ...c, lastContactAt: ago(1) }, R.onboarding, ctx)).toBeNull();
    expect(
      onboardingRule(customer({ createdAt: ago(40), lastContactAt: null }), R.onboarding, ctx),
    ).toBeNull();
  });
});

describe('the lists together', () => {
  const churning = customer({
    lifecycle: 'dormant',
    lastVisitAt: ago(300),
    lastTxnAt: ago(300),
    history: history([60, 100, 'high'], [1, 50, 'mid']),
    aumFen: wan(50),
  });

  it('gives every reason, and a disabled list gives none', () => {
    expect(outreachHits(churning, cfg, ctx).map((h) => h.rule)).toEqual(['churnRisk', 'dormant']);
    const off: OutreachConfig = {
      ...cfg,
      rules: { ...cfg.rules, dormant: { ...R.dormant, enabled: false } },
    };
    expect(outreachHits(churning, off, ctx).map((h) => h.rule)).toEqual(['churnRisk']);
  });
  it('a contact for a list keeps the customer off it for its cooldown', () => {
    const contacted = { ...churning, lastContactByRule: { churnRisk: ago(5) } };
    expect(outreachHits(contacted, cfg, ctx, 'churnRisk')).toEqual([]);
    const later = { ...churning, lastContactByRule: { churnRisk: ago(R.churnRisk.cooldownDays + 1) } };
    expect(outreachHits(later, cfg, ctx, 'churnRisk')).toHaveLength(1);
  });
  it('overdue after the configured days', () => {
    expect(isOverdue({ dueAt: ago(cfg.overdueAfterDays + 1) }, cfg, NOW)).toBe(true);
    expect(isOverdue({ dueAt: ago(1) }, cfg, NOW)).toBe(false);
  });
});
