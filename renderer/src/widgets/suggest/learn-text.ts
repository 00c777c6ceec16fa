import i18n from '../../i18n';

/** Texts of the Step 15 suggestion parts (reasons, cool-downs); they join the translations under `suggestLearn`. */
const zh = {
  suggestLearn: {
    why: '推荐理由',
    coolingTitle: '暂不推荐',
    backOn: '{{date}} 后可再推荐',
    afterAssessment: '重新风险测评后可再推荐',
    helpButton: '说明',
    helpTitle: '推荐如何参考客户的回答',
    help: [
      '拒绝：按拒绝原因暂停推荐一段时间（如"已在他行办理"较长，"暂不需要"较短）。',
      '接受：在可以再次购买之前不再推荐（按产品类型设定）。',
      '不适合：客户重新做风险测评之前不再推荐。',
      '有意向：继续推荐，并标注"上次有意向（日期）"。',
      '接受率按"产品 × 客群 × 层级"统计本网点的结果，采用贝叶斯平均：p = (接受数 + m·k) ÷ (推荐数 + k)，m 为先验接受率，k 为先验强度；新产品按先验处理，不会被压低。排序加分 = 权重 × (p − m) × 10。',
      '以上天数、权重和先验都在网点设置的"推荐学习"（suggestLearning）部分配置。',
    ],
  },
};

type Texts = typeof zh;

const en: Texts = {
  suggestLearn: {
    why: 'Why',
    coolingTitle: 'Not suggested for now',
    backOn: 'can be suggested again after {{date}}',
    afterAssessment: 'back after a new risk assessment',
    helpButton: 'How it works',
    helpTitle: "How suggestions use the customer's answers",
    help: [
      'Declined: paused for a while by the reason given ("already has it at another bank" longer, "no need right now" shorter).',
      'Accepted: not suggested again until it could be bought again (set per product type).',
      'Not suitable: not suggested until the customer takes a new risk assessment.',
      'Interested: still suggested, marked "Interested last time (date)".',
      "Acceptance is counted from this branch's outcomes per product × segment × tier as a Bayesian average: p = (accepted + m·k) ÷ (offered + k), m the prior rate, k the prior strength; a new product sits at the prior and is not buried. Ranking points = weight × (p − m) × 10.",
      'The days, weight and prior are set in the branch settings, section suggestLearning.',
    ],
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
