import i18n from '../../../i18n';

/**
 * Texts of the walk-in prospects form, the need tables and the per-tag card reasons (their own file: the forms'
 * text-zh / text-en keep the older sections). Joined under `settings` like forms/text.ts.
 */
const zh = {
  sections: { prospects: '潜在客户回访', needs: '推荐需求表' },
  pr: {
    hint: '大堂登记的潜在客户（非本行客户留下姓名和手机号）由客户经理回访；回访期限从登记当天起算。',
    followUpDays: '回访期限',
    followUpDaysHint: '登记后多少天内须回访（0 为当天），客户经理的名单按此显示“应回访日期”。',
    purpose: '客户阅读的授权',
    purposeHint: '登记时客户阅读并同意的授权文本（文字在“客户授权文本”中维护）。',
  },
  nd: {
    hint: '每一行说明某类客户需要什么产品：按产品类型、需求标签或指定产品选中，权重越大越靠前（默认 1）。同一行中产品取最大权重计一次。',
    tierGoals: '客户层级目标',
    segmentNeeds: '特色客群需求',
    lifecycleGoals: '生命周期目标',
    intentAffinity: '办理业务相关产品',
    corporateGradeNeeds: '对公客户评级需求',
    linkedEntityGoals: '公私联动',
    linkedEntity: '有关联企业 / 关联私人客户',
    types: '产品类型',
    tags: '需求标签',
    codes: '指定产品',
    weight: '权重',
    add: '添加一条',
    none: '（不推荐）',
    weightOne: '默认 1',
    anyOf: '或',
  },
  tr: {
    title: '卡片上的推荐理由（按需求标签）',
    hint: '产品的第一个列在此处的需求标签决定卡片上说的理由，如“闲钱短期打理”“本金有保障”。',
    tag: '需求标签',
    zh: '理由（中文）',
    en: '理由（English）',
    add: '添加标签理由',
    pick: '选择标签',
  },
  goal: {
    reach_next_tier: '升级达标',
    activate_e_channel: '开通电子渠道',
    short_term_wealth: '短期理财',
    loyalty: '提升黏性',
    structured_allocation: '结构化配置',
    family_wealth: '家族财富',
    public_private_link: '公私联动',
    reactivation: '唤醒激活',
    onboarding: '新客启用',
  },
};

const en: typeof zh = {
  sections: { prospects: 'Prospect follow-up', needs: 'Suggestion need tables' },
  pr: {
    hint: 'Walk-ins who are not customers and leave a name and mobile are called back by an RM; the follow-up is due this many days after the visit.',
    followUpDays: 'Follow up within',
    followUpDaysHint:
      'Days after the visit by which the RM calls (0: the same day); the RM’s list shows this due date.',
    purpose: 'Consent the walk-in reads',
    purposeHint: 'The consent text read and agreed to at registration (its words are under Consent texts).',
  },
  nd: {
    hint: 'Each row says what a kind of customer needs: products selected by type, need tag or by name; a bigger weight ranks higher (default 1). A product counts once per row, with its biggest weight.',
    tierGoals: 'Tier goals',
    segmentNeeds: 'Segment needs',
    lifecycleGoals: 'Lifecycle goals',
    intentAffinity: 'Products related to the visit’s business',
    corporateGradeNeeds: 'Corporate grade needs',
    linkedEntityGoals: 'Public–private link',
    linkedEntity: 'Has a linked company / private client',
    types: 'Product types',
    tags: 'Need tags',
    codes: 'Products',
    weight: 'Weight',
    add: 'Add one',
    none: '(nothing suggested)',
    weightOne: 'default 1',
    anyOf: 'or',
  },
  tr: {
    title: 'Reasons on the card, by need tag',
    hint: 'The first of a product’s tags listed here gives the reason the card says, e.g. “short-term home for idle cash”.',
    tag: 'Need tag',
    zh: 'Reason (中文)',
    en: 'Reason (English)',
    add: 'Add a tag reason',
    pick: 'Pick a tag',
  },
  goal: {
    reach_next_tier: 'Reach the next tier',
    activate_e_channel: 'Activate e-channels',
    short_term_wealth: 'Short-term wealth',
    loyalty: 'Loyalty',
    structured_allocation: 'Structured allocation',
    family_wealth: 'Family wealth',
    public_private_link: 'Public–private link',
    reactivation: 'Reactivation',
    onboarding: 'Onboarding',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { settings: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { settings: en }, true, false);
