import { describe, expect, it } from 'vitest';
import { triageConfigSchema } from './config';
import type { TriageConfig, TriageRule } from './config';
import { branch, cfg, company, input, person, run } from './engine.fixtures';

describe('default config', () => {
  it('passes its own schema', () => {
    const parsed = triageConfigSchema.safeParse(cfg);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
  it('has the intents of the brief, each with zh and en', () => {
    const keys = cfg.intents.map((i) => i.key);
    for (const k of [
      'account_open',
      'cash',
      'transfer',
      'card',
      'password_reset',
      'statement',
      'bill_payment',
      'wealth',
      'loan',
      'fx',
      'corporate_settlement',
      'complaint',
    ]) {
      expect(keys).toContain(k);
    }
    for (const i of cfg.intents) expect(i.zh && i.en).toBeTruthy();
  });
});

describe('config drives the decision', () => {
  const withRules = (rules: TriageRule[], base: TriageConfig = cfg): TriageConfig => ({ ...base, rules });
  const rule = (id: string): TriageRule => cfg.rules.find((r) => r.id === id) as TriageRule;

  it('rule order overrides: complaint before vip-tier sends a private complaint to the counter', () => {
    const rules = cfg.rules.filter((r) => r.id !== 'complaint');
    const idx = rules.findIndex((r) => r.id === 'vip-tier');
    rules.splice(idx, 0, rule('complaint'));
    const d = run(input(person({ tier: 'private' }), ['complaint']), withRules(rules));
    expect(d).toMatchObject({ channel: 'counter', priority: 2 });
    expect(d.reasons.some((r) => r.ruleId.startsWith('unavailable'))).toBe(false);
  });

  it('stop ends the evaluation', () => {
    const stopper: TriageRule = {
      id: 'vip-stop',
      enabled: true,
      conditions: { tiers: ['private'] },
      effect: { prefer: 'vip', stop: true },
      reason: { zh: '私行客户直达贵宾室', en: 'Private: straight to the VIP room' },
    };
    const d = run(
      input(person({ tier: 'private', birthDate: '1940-01-01' }), ['cash']),
      withRules([stopper, ...cfg.rules]),
    );
    expect(d.matchedRules).toEqual(['vip-stop']);
    expect(d).toMatchObject({ channel: 'vip', priority: 0, care: false });
  });

  it('a disabled rule does nothing', () => {
    const rules = cfg.rules.map((r) => (r.id === 'potential-self' ? { ...r, enabled: false } : r));
    expect(run(input(person({ tier: 'potential' }), ['cash']), withRules(rules)).channel).toBe('counter');
  });

  it('segment and grade conditions', () => {
    const merchant: TriageRule = {
      id: 'merchant-self',
      enabled: true,
      conditions: { segments: ['merchant'], intents: ['cash'] },
      effect: { prefer: 'self', priority: 1 },
      reason: { zh: '商户零钞自助', en: 'Merchant small change at self-service' },
    };
    const key: TriageRule = {
      id: 'key-corporate',
      enabled: true,
      conditions: { corporateGrades: ['key'] },
      effect: { priority: 1 },
      reason: { zh: '重点客户', en: 'Key client' },
    };
    const c = withRules([merchant, key, ...cfg.rules]);
    expect(run(input(person({ segments: ['merchant'] }), ['cash']), c)).toMatchObject({
      channel: 'self',
      priority: 1,
    });
    expect(run(input(person({ segments: ['women'] }), ['cash']), c).channel).toBe('counter');
    expect(run(input(company({ corporateGrade: 'key' }), ['loan']), c).priority).toBe(1);
    expect(run(input(null, ['loan']), c).matchedRules).not.toContain('key-corporate');
  });

  it('known/anonymous and intents conditions', () => {
    const r: TriageRule = {
      id: 'known-fx',
      enabled: true,
      conditions: { customer: 'known', intents: ['fx'] },
      effect: { care: true },
      reason: { zh: '外汇需核验身份', en: 'FX: identity check' },
    };
    const c = withRules([r]);
    expect(run(input(person(), ['fx']), c).care).toBe(true);
    expect(run(input(null, ['fx']), c).care).toBe(false);
    expect(run(input(person(), ['cash']), c).care).toBe(false);
  });

  it('fallbackOrder is the default route', () => {
    const c: TriageConfig = { ...cfg, rules: [], fallbackOrder: ['self', 'counter'] };
    expect(run(input(person(), ['cash']), c).channel).toBe('self');
    expect(run(input(person(), ['wealth']), c).channel).toBe('counter');
  });

  it('channel → queue mapping comes from config', () => {
    const c: TriageConfig = {
      ...cfg,
      channels: cfg.channels.map((ch) => (ch.key === 'counter' ? { ...ch, queue: 'retail' } : ch)),
    };
    const b = branch();
    b.counters = b.counters.map((x) => (x.channel === 'counter' ? { ...x, queues: ['retail'] } : x));
    expect(run(input(person(), ['wealth'], {}, b), c)).toMatchObject({ channel: 'counter', queue: 'retail' });
  });

  it('schema refuses unknown channels, priorities, intents and duplicate ids', () => {
    const bad = (over: Partial<TriageConfig>) => triageConfigSchema.safeParse({ ...cfg, ...over }).success;
    expect(bad({ rules: [{ ...rule('elderly'), effect: { priority: 7 } }] })).toBe(false);
    expect(bad({ rules: [{ ...rule('complaint'), conditions: { intents: ['nope'] } }] })).toBe(false);
    expect(bad({ rules: [rule('elderly'), rule('elderly')] })).toBe(false);
    expect(bad({ rules: [{ ...rule('elderly'), effect: { prefer: 'self', forbid: ['self'] } }] })).toBe(
      false,
    );
    expect(bad({ channels: cfg.channels.filter((c) => c.key !== 'self') })).toBe(false);
    expect(bad({ intents: [...cfg.intents, { ...cfg.intents[0]!, key: 'x', selfServiceable: true }] })).toBe(
      false,
    );
    expect(bad({ intents: [...cfg.intents, { ...cfg.intents[0]!, key: 'y', corporateOnly: true }] })).toBe(
      false,
    );
  });
});
