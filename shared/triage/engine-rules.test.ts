import { describe, expect, it } from 'vitest';
import { isAtLeastAge, triage } from './engine';
import { ageOn } from '../customer/age';
import { branch, cfg, company, ctx, ids, input, NOW, person, run, TZ } from './engine.fixtures';

describe('rules (one test each)', () => {
  it('private / high tier → VIP room with VIP priority', () => {
    for (const tier of ['private', 'high'] as const) {
      const d = run(input(person({ tier }), ['wealth']));
      expect(d).toMatchObject({ channel: 'vip', queue: 'vip', priority: 2, available: true });
      expect(ids(d)).toContain('vip-tier');
    }
  });

  it('VIP room full → counter with priority, saying so', () => {
    const d = run(
      input(person({ tier: 'private' }), ['wealth'], {}, branch({ vipRoom: { capacity: 3, load: 3 } })),
    );
    expect(d).toMatchObject({ channel: 'counter', queue: 'individual', priority: 2 });
    const fallback = d.reasons.find((r) => r.ruleId === 'unavailable:vip');
    expect(fallback?.zh).toBe('贵宾室已满，柜台优先办理');
    expect(fallback?.en).toMatch(/full/);
    const vipAlt = d.alternatives.find((a) => a.channel === 'vip');
    expect(vipAlt).toMatchObject({ available: false, whyNot: { zh: '贵宾室已满' } });
  });

  it('VIP room desk closed → counter with priority', () => {
    const b = branch();
    b.counters = b.counters.map((c) => (c.channel === 'vip' ? { ...c, open: false } : c));
    const d = run(input(person({ tier: 'high' }), ['statement'], {}, b));
    expect(d.channel).toBe('counter');
    expect(d.reasons.find((r) => r.ruleId === 'unavailable:vip')?.zh).toBe(
      '贵宾室暂无开放窗口，柜台优先办理',
    );
  });

  it('a private customer who only wants a balance slip still goes to the VIP room (DOMAIN §2)', () => {
    expect(run(input(person({ tier: 'private' }), ['statement'])).channel).toBe('vip');
  });

  it('a private customer opening an account needs a counter (intent constraint), keeping VIP priority', () => {
    const d = run(input(person({ tier: 'private' }), ['account_open']));
    expect(d).toMatchObject({ channel: 'counter', priority: 2 });
    expect(d.reasons.find((r) => r.ruleId === 'unavailable:vip')?.zh).toBe(
      '贵宾室不能办理开户，柜台优先办理',
    );
  });

  it('potential tier with only self-serviceable intents → self-service with lobby help', () => {
    const d = run(input(person({ tier: 'potential' }), ['cash', 'statement']));
    expect(d).toMatchObject({ channel: 'self', queue: 'self', care: true, priority: 0 });
    expect(ids(d)).toContain('potential-self');
  });

  it('potential tier opening an account must go to a counter', () => {
    const d = run(input(person({ tier: 'potential' }), ['account_open']));
    expect(d.channel).toBe('counter');
    expect(d.matchedRules).not.toContain('potential-self');
    expect(ids(d)).toEqual(['default']);
    expect(d.reasons[0]?.zh).toBe('开户可在柜台办理，按默认顺序安排至柜台');
  });

  it('potential tier but elderly (by age) or needing help → not self-service', () => {
    const old = run(input(person({ tier: 'potential', birthDate: '1950-01-01' }), ['cash']));
    expect(old).toMatchObject({ channel: 'counter', priority: 1, care: true });
    expect(old.facts.elderly).toBe(true);
    const help = run(input(person({ tier: 'potential' }), ['cash'], { needsHelp: true }));
    expect(help).toMatchObject({ channel: 'counter', care: true });
    expect(ids(help)).toContain('needs-help');
  });

  it('self-service down → counter, with the reason', () => {
    const d = run(input(person({ tier: 'potential' }), ['cash'], {}, branch({ selfServiceUp: false })));
    expect(d.channel).toBe('counter');
    expect(d.reasons.find((r) => r.ruleId === 'unavailable:self')?.zh).toBe('自助区设备暂停服务，柜台办理');
  });

  it('strategic corporate → corporate counter with priority', () => {
    const d = run(input(company({ corporateGrade: 'strategic' }), ['loan']));
    expect(d).toMatchObject({ channel: 'corporate', queue: 'corporate', priority: 2 });
    expect(ids(d)).toContain('corporate-strategic');
  });

  it('any corporate customer → corporate counter (even for cash)', () => {
    const d = run(input(company({ corporateGrade: 'general' }), ['cash']));
    expect(d).toMatchObject({ channel: 'corporate', priority: 0 });
    expect(ids(d)).toEqual(['corporate-customer']);
  });

  it('a corporate intent from an individual or a walk-in → corporate counter', () => {
    expect(run(input(person(), ['corporate_settlement'])).channel).toBe('corporate');
    const d = run(input(null, ['corporate_settlement']));
    expect(d.channel).toBe('corporate');
    expect(ids(d)).toContain('corporate-intent');
  });

  it('personal business is not sent to the corporate counter, even when the counters are closed', () => {
    const b = branch();
    b.counters = b.counters.map((c) => (c.channel === 'counter' ? { ...c, open: false } : c));
    const d = run(input(person(), ['wealth'], {}, b));
    expect(d.channel).not.toBe('corporate');
    expect(d.available).toBe(false);
  });

  it('a corporate counter that also calls the individual queue keeps the counter channel open', () => {
    const b = branch();
    b.counters = b.counters.map((c) =>
      c.channel === 'counter'
        ? { ...c, open: false }
        : c.channel === 'corporate'
          ? { ...c, queues: ['corporate', 'individual'] }
          : c,
    );
    const d = run(input(person(), ['wealth'], {}, b));
    expect(d).toMatchObject({ channel: 'counter', queue: 'individual', available: true });
  });

  it('elderly by age (from the birth date, in the branch timezone) → priority + care, never self-service', () => {
    const d = run(input(person({ birthDate: '1960-06-15' }), ['statement']));
    expect(d).toMatchObject({ channel: 'counter', priority: 1, care: true });
    expect(d.facts.elderly).toBe(true);
    const self = d.alternatives.find((a) => a.channel === 'self');
    expect(self?.available).toBe(false);
    expect(self?.whyNot.zh).toContain('老年客户');
    // One day younger: not yet 60 on 2025-06-15.
    expect(run(input(person({ birthDate: '1965-06-16' }), ['statement'])).facts.elderly).toBe(false);
  });

  it('elderly by the manual flag or by the elderly segment', () => {
    expect(run(input(person(), ['cash'], { elderly: true }))).toMatchObject({ priority: 1, care: true });
    const seg = run(input(person({ birthDate: null, segments: ['elderly'] }), ['cash']));
    expect(seg.facts.elderly).toBe(true);
    expect(ids(seg)).toContain('elderly');
  });

  it('the elderly age comes from the context (config), not a literal', () => {
    const c = { ...ctx, elderlyAge: 70 };
    expect(triage(input(person({ birthDate: '1960-01-01' }), ['cash']), cfg, c).facts.elderly).toBe(false);
  });

  it('disability → priority and care', () => {
    const d = run(input(person(), ['cash'], { disability: true }));
    expect(d).toMatchObject({ priority: 1, care: true });
    expect(ids(d)).toContain('disability');
  });

  it('pregnant or with a small child → priority', () => {
    for (const flags of [{ pregnant: true }, { withChild: true }]) {
      const d = run(input(person(), ['transfer'], flags));
      expect(d.priority).toBe(1);
      expect(ids(d)).toContain('pregnant-child');
    }
  });

  it('high risk (flag or profile) → counter with stricter review, never self-service or VIP room', () => {
    const flagged = run(input(person({ tier: 'potential' }), ['cash'], { highRisk: true }));
    expect(flagged).toMatchObject({ channel: 'counter', review: true });
    const profile = run(input(person({ tier: 'private', highRisk: true }), ['statement']));
    expect(profile).toMatchObject({ channel: 'counter', review: true, priority: 2 });
    expect(profile.facts.highRisk).toBe(true);
    expect(ids(profile)).toEqual(expect.arrayContaining(['high-risk', 'vip-tier', 'unavailable:vip']));
  });

  it('high-risk corporate customer still goes to the corporate counter', () => {
    expect(run(input(company(), ['cash'], { highRisk: true }))).toMatchObject({
      channel: 'corporate',
      review: true,
    });
  });

  it('complaint → counter with the lobby manager; VIP tiers to the VIP room (rule order)', () => {
    const mid = run(input(person(), ['complaint']));
    expect(mid).toMatchObject({ channel: 'counter', care: true });
    expect(ids(mid)).toContain('complaint');
    const vip = run(input(person({ tier: 'private' }), ['complaint']));
    expect(vip).toMatchObject({ channel: 'vip', care: true });
  });

  it('mid tier → counter by default; the VIP room is not offered', () => {
    const d = run(input(person({ tier: 'mid' }), ['wealth']));
    expect(d.channel).toBe('counter');
    expect(d.alternatives.find((a) => a.channel === 'vip')?.whyNot.zh).toBe('贵宾室仅接待高端及私行客户');
  });
});

describe('isAtLeastAge', () => {
  it('agrees with ageOn around birthdays in several timezones', () => {
    const zones = ['Asia/Shanghai', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York'];
    const births = ['1965-06-14', '1965-06-15', '1965-06-16', '1964-02-29', '1965-01-01', '1964-12-31'];
    const base = Date.UTC(2025, 5, 14, 0, 0, 0);
    for (const tz of zones) {
      for (const b of births) {
        for (let h = -48; h <= 48; h += 5) {
          const now = base + h * 3_600_000;
          expect(isAtLeastAge(b, 60, now, tz), `${b} ${tz} ${h}`).toBe(ageOn(b, now, tz) >= 60);
        }
      }
    }
  });
  it('an unparsable date is not elderly', () => {
    expect(isAtLeastAge('1950/01/01', 60, NOW, TZ)).toBe(false);
  });
});
