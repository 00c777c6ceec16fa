import i18n from '../../../i18n';

/**
 * Texts of the customer-number field (general section) and the staffing section: their own file, the older text
 * files being near their limit. Joined under `settings` like forms/text.ts.
 */
const zh = {
  sections: { staffing: '排班测算' },
  cn: {
    label: '客户号格式（正则表达式）',
    hint: '核心系统客户号的格式。柜台查询先按此判断输入的是客户号还是卡号、手机号；导入客户时按此检查客户号。默认 ^C\\d{9}$（C 加 9 位数字）。',
    invalid: '不是有效的正则表达式：{{why}}',
    required: '请填写客户号格式',
    swallows: '此格式也会把{{what}}当作客户号，柜台将查不到这些号码。建议用 ^ 和 $ 包住整个格式。',
    phone: '手机号',
    id: '身份证号',
    card: '银行卡号',
    sample: '试一个号码',
    samplePlaceholder: '如 C100000071',
    matches: '查询时按客户号查找',
    noMatch: '不是客户号（按卡号、证件号、手机号或姓名查找）',
  },
  st: {
    hint: '排班测算（“排班测算”页面）用到的服务目标和测算参数。每天的柜台排班在“排班测算”页面测算后应用，此处只显示已应用的排班。',
    grid: '测算时段',
    dayStart: '每天从',
    dayEnd: '到',
    intervalMinutes: '时段长度',
    minutes: '{{n}} 分钟',
    targets: '各队列服务目标',
    targetsHint: '已办理的客户中，等候不超过目标分钟数的比例须达到目标百分比。未列出的队列按第一条目标测算。',
    queue: '队列',
    waitMinutes: '等候不超过（分钟）',
    percent: '达标比例（%）',
    addTarget: '添加目标',
    simulation: '模拟参数',
    replications: '模拟次数',
    replicationsHint: '次数越多结果越稳，测算越慢（默认 100）。',
    seed: '随机种子',
    seedHint: '同一种子得到同样的结果，便于复核。',
    plans: '已应用的排班',
    plansNone: '尚未应用排班。',
    planLine: '{{date}}：{{n}} 个时段',
    openStaffing: '去“排班测算”测算并应用',
  },
};

const en: typeof zh = {
  sections: { staffing: 'Staffing what-if' },
  cn: {
    label: 'Customer number pattern (regular expression)',
    hint: 'The shape of a core-banking customer number. The counter lookup uses it first to tell a customer number from a card or phone number; a customer import checks numbers against it. Default ^C\\d{9}$ (C and 9 digits).',
    invalid: 'Not a valid regular expression: {{why}}',
    required: 'Enter the customer number pattern',
    swallows:
      'This pattern also takes {{what}} for a customer number: the counter could not look those up. Wrap the whole pattern in ^ and $.',
    phone: 'a phone number',
    id: 'an ID number',
    card: 'a card number',
    sample: 'Try a number',
    samplePlaceholder: 'e.g. C100000071',
    matches: 'Looked up as a customer number',
    noMatch: 'Not a customer number (looked up as card, ID, phone or name)',
  },
  st: {
    hint: 'Service targets and simulation settings used by the staffing what-if screen. Each day’s counter plan is worked out and applied on that screen; applied plans are only listed here.',
    grid: 'Planning hours',
    dayStart: 'Each day from',
    dayEnd: 'to',
    intervalMinutes: 'Interval',
    minutes: '{{n}} min',
    targets: 'Service targets per queue',
    targetsHint:
      'Of the customers served, this share must wait no longer than the minutes given. A queue not listed uses the first target.',
    queue: 'Queue',
    waitMinutes: 'Wait at most (min)',
    percent: 'Share meeting it (%)',
    addTarget: 'Add a target',
    simulation: 'Simulation',
    replications: 'Replications',
    replicationsHint: 'More runs give steadier figures and take longer (default 100).',
    seed: 'Random seed',
    seedHint: 'The same seed gives the same answer, so a result can be checked again.',
    plans: 'Applied counter plans',
    plansNone: 'No plan applied yet.',
    planLine: '{{date}}: {{n}} intervals',
    openStaffing: 'Work out and apply on Staffing what-if',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', { settings: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { settings: en }, true, false);
