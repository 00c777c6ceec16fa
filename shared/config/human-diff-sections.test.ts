import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, type RulesConfig } from './schema';
import { describeChanges } from './human-diff';
import { pathInWords } from './human-names';

const base = (): RulesConfig => structuredClone(defaultRulesConfig);
const zh = (a: RulesConfig) => describeChanges(base(), a).map((l) => l.zh);
const en = (a: RulesConfig) => describeChanges(base(), a).map((l) => l.en);
const must = <T>(x: T | undefined): T => {
  if (x === undefined) throw new Error('missing');
  return x;
};

describe('the forms sections in words', () => {
  it('an intent sent to another channel names the channels', () => {
    const a = base();
    const fx = must(a.triage.intents.find((i) => i.key === 'fx'));
    fx.channels = ['corporate'];
    fx.corporateOnly = true;
    expect(zh(a)).toEqual(['业务「外汇」：渠道 贵宾室、柜台、对公窗口 → 对公窗口；仅对公 否 → 是']);
    expect(en(a)).toEqual([
      'Business "Foreign exchange": channels VIP room, counter, corporate counter → corporate counter; corporate only no → yes',
    ]);
  });

  it('a channel moved to another queue names the queues; priorities and the fallback order by name', () => {
    const a = base();
    must(a.triage.channels.find((c) => c.key === 'counter')).queue = 'appointment';
    a.triage.fallbackOrder = ['counter', 'self'];
    expect(zh(a)).toContain('渠道「柜台」：队列 个人业务 → 预约');
    expect(zh(a).some((l) => l.startsWith('分流：默认渠道顺序 ') && l.endsWith('→ 柜台、自助区'))).toBe(true);
  });

  it('a product: tiers by name, on sale, wealth fit in 元, an age range', () => {
    const a = base();
    const p = must(a.suggest.products.find((x) => x.code === 'TD_LARGE_CD'));
    p.tiers = ['high', 'private'];
    p.active = false;
    p.minAumFen = 10_000_000;
    p.maxAge = 75;
    expect(zh(a)).toEqual([
      '产品「大额存单」：层级 不限 → 高端客户、私行客户；在售 是 → 否；客户资产下限 不限 → ¥100,000；最高年龄 不限 → 75',
    ]);
  });

  it('a new campaign and changed dates read as branch days, products by name', () => {
    const a = base();
    a.suggest.campaigns.push({
      id: 'winter_cd',
      name: { zh: '冬季存单节', en: 'Winter CD week' },
      start: Date.UTC(2026, 11, 6, 16),
      end: Date.UTC(2026, 11, 13, 16),
      productCodes: ['TD_LARGE_CD'],
      boost: 3,
    });
    expect(zh(a)).toEqual(['新增营销活动「冬季存单节」']);
    const b = structuredClone(a);
    const c = must(b.suggest.campaigns.find((x) => x.id === 'winter_cd'));
    c.end = Date.UTC(2026, 11, 20, 16);
    c.productCodes = ['TD_LARGE_CD', 'TD_STANDARD'];
    expect(describeChanges(a, b).map((l) => l.zh)).toEqual([
      '营销活动「冬季存单节」：最后一天 2026-12-13 → 2026-12-20；产品 大额存单 → 大额存单、整存整取定期存款',
    ]);
  });

  it('lists of named items: a decline reason added, an escalation rule changed, in order', () => {
    const a = base();
    a.visit.declineReasons.push({ key: 'later', zh: '以后再说', en: 'Maybe later' });
    const rule = must(a.feedback.escalation[1]);
    rule.action = 'complaint';
    rule.category = 'wait_time';
    expect(zh(a)).toEqual([
      '新增拒绝原因「以后再说」',
      '评价升级规则「neutral_twice」：处理 负责人回访 → 转投诉；投诉类别 其他 → 排队等候时间长',
    ]);
  });

  it('outreach: a rule by its name, the threshold in 元, days per tier by tier name', () => {
    const a = base();
    a.outreach.rules.churnRisk.minAumFen = 10_000_000;
    a.outreach.rules.periodic.everyDaysByTier.high = 60;
    a.outreach.rules.dormant.enabled = false;
    expect(zh(a)).toEqual([
      '客户维护：规则·沉睡唤醒·启用 是 → 否',
      '客户维护：规则·流失预警·客户资产下限 ¥50,000 → ¥100,000',
      '客户维护：规则·定期联系·按层级联系间隔天数·高端客户 90 → 60',
    ]);
  });

  it('cool-downs by decline reason and product type names; consent scopes by label', () => {
    const a = base();
    a.suggestLearning.cooldown.declinedDaysByReason.has_elsewhere = 120;
    a.suggestLearning.cooldown.acceptedDaysByType.fund = 60;
    must(a.consent.purposes.marketing).scopes.push({
      key: 'wechat',
      label: { zh: '仅微信', en: 'WeChat only' },
    });
    expect(zh(a)).toEqual([
      '推荐学习：冷却期·拒绝后天数·已在他行办理 180 → 120',
      '推荐学习：冷却期·购买后天数·基金 90 → 60',
      '新增授权范围「仅微信」',
    ]);
    expect(en(a)[1]).toBe('Suggestion learning: cool-down · days after a purchase · fund 90 → 60');
  });

  it('a need table entry reads as product types, goals and products by name, with the prospects follow-up', () => {
    const a = base();
    a.suggest.intentAffinity.statement = [{ types: ['e_banking'] }, { codes: ['FX_SAVINGS'], weight: 10 }];
    a.suggest.tierGoals.mid = [];
    a.prospects.followUpDays = 5;
    expect(zh(a)).toEqual([
      '产品推荐：客户层级目标·中端客户 标签 短期理财、提升黏性 → （无）',
      '产品推荐：业务相关产品·查询打印 类型 电子银行 → 类型 电子银行 或 产品 外币储蓄与结售汇 ×10',
      '潜在客户：回访期限（天） 2 → 5',
    ]);
    expect(en(a)[1]).toContain('products Foreign-currency savings');
  });
});

describe('pathInWords (a refusal says where, in words)', () => {
  const cfg = base();
  it('names list items by their names and fields by their words', () => {
    expect(pathInWords(cfg, 'customer.tiers.2.minFen', 'zh')).toBe('层级「中端客户」·资产下限');
    const i = cfg.triage.intents.findIndex((x) => x.key === 'wealth');
    expect(pathInWords(cfg, `triage.intents.${i}.channels`, 'zh')).toBe('业务「理财咨询」·渠道');
    expect(pathInWords(cfg, `triage.intents.${i}.channels`, 'en')).toBe(
      'business "Wealth consultation" · channels',
    );
    expect(pathInWords(cfg, 'suggest.campaigns.0.productCodes.0', 'zh')).toMatch(/^营销活动「.+」·产品「TD_/);
  });

  it('falls back to the position for an item without a name, and to the section for a plain field', () => {
    const c = base();
    c.triage.intents.push({
      key: '',
      zh: '',
      en: '',
      channels: ['counter'],
      selfServiceable: false,
      corporateOnly: false,
    });
    expect(pathInWords(c, `triage.intents.${c.triage.intents.length - 1}.key`, 'zh')).toBe(
      `业务第 ${c.triage.intents.length} 项·代码`,
    );
    expect(pathInWords(c, 'customer.elderlyAge', 'zh')).toBe('客户·老年客户年龄');
    expect(pathInWords(c, 'outreach.rules.churnRisk.minAumFen', 'zh')).toBe(
      '客户维护·规则·流失预警·客户资产下限',
    );
  });
});
