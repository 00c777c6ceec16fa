import i18n from '../../i18n';

/** Texts of the product/campaign impact preview (Step 16), joined under `productImpact`. */
const zh = {
  productImpact: {
    title: '产品与活动：变更后向多少客户推荐',
    method: {
      all: '已按推荐规则逐一计算 {{examined}} 位可能受影响的客户（全行 {{customers}} 位客户，其余客户因客户类型或资产范围不可能受影响）。',
      sample:
        '可能受影响的客户有 {{candidates}} 位（全行 {{customers}} 位），随机抽取 {{examined}} 位（固定种子，可复现）逐一计算后按比例推算；± 为 95% 置信区间。',
    },
    basis:
      '“符合条件”= 通过客户类型、层级、年龄、资产、风险等级、已持有、营销同意和冷却期等硬性条件；“推荐”= 在无明确业务需求的到访时出现在推荐列表（前 {{topN}} 项）中。',
    product: '产品',
    change: '变更',
    changes: { added: '新增', removed: '删除', changed: '修改', campaign: '活动调整' },
    eligible: '符合条件',
    suggested: '推荐',
    byTier: '按层级（推荐）',
    examples: '示例客户（已脱敏）',
    customer: '客户',
    tier: '层级',
    wasNow: '变更前 → 变更后',
    yes: '推荐',
    no: '不推荐',
    took: '耗时 {{ms}} 毫秒。',
  },
};

type Texts = typeof zh;

const en: Texts = {
  productImpact: {
    title: 'Products and campaigns: who would now be offered them',
    method: {
      all: 'Every one of the {{examined}} customers who could be affected was ranked with the suggestion rules (of {{customers}} at the branch; the others cannot be affected given their kind or AUM).',
      sample:
        '{{candidates}} customers could be affected (of {{customers}}); a random sample of {{examined}} (seeded, repeatable) was ranked and scaled up; ± is the 95% confidence interval.',
    },
    basis:
      '"Eligible" = passes the hard filters (kind, tier, age, AUM, risk level, holdings, marketing consent, cool-down); "suggested" = on the list (top {{topN}}) at a visit with no stated need.',
    product: 'Product',
    change: 'Change',
    changes: { added: 'Added', removed: 'Removed', changed: 'Edited', campaign: 'Campaign' },
    eligible: 'Eligible',
    suggested: 'Suggested',
    byTier: 'By tier (suggested)',
    examples: 'Example customers (masked)',
    customer: 'Customer',
    tier: 'Tier',
    wasNow: 'Before → after',
    yes: 'suggested',
    no: 'not suggested',
    took: 'Computed in {{ms}} ms.',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
