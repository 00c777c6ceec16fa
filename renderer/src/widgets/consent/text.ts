import i18n from '../../i18n';

/** Texts of the consent card and dialog (Step 15); they join the translations under `consent`. */
const zh = {
  consent: {
    title: '客户授权',
    granted: '已同意',
    withdrawn: '已撤回',
    notGiven: '未授权',
    fromImport: '来自导入数据',
    byDefault: '默认（服务关系）',
    record: '登记',
    recordTitle: '登记授权：{{purpose}}',
    readAloud: '请客户阅读以下内容（可打印或在屏幕上展示）：',
    textVersion: '文本版本 {{version}}',
    decision: '客户的选择',
    grant: '同意',
    withdraw: '撤回',
    scope: '授权范围',
    channel: '登记方式',
    channels: { counter: '柜台当面', pad: '评价器签字' },
    signed: '客户已在评价器上签字',
    note: '备注（可选）',
    save: '确认登记',
    saved: '已登记：{{purpose}} {{decision}}',
    by: '{{date}} · {{channel}} · {{staff}}',
    history: '变更记录',
  },
};

type Texts = typeof zh;

const en: Texts = {
  consent: {
    title: 'Consent',
    granted: 'Given',
    withdrawn: 'Withdrawn',
    notGiven: 'Not given',
    fromImport: 'from imported data',
    byDefault: 'default (service relationship)',
    record: 'Record',
    recordTitle: 'Record consent: {{purpose}}',
    readAloud: 'Let the customer read this (printed or on screen):',
    textVersion: 'Text version {{version}}',
    decision: "Customer's choice",
    grant: 'Give',
    withdraw: 'Withdraw',
    scope: 'Scope',
    channel: 'Recorded',
    channels: { counter: 'In person at the counter', pad: 'Signed on the pad' },
    signed: 'The customer signed on the pad',
    note: 'Note (optional)',
    save: 'Record',
    saved: 'Recorded: {{purpose}} {{decision}}',
    by: '{{date}} · {{channel}} · {{staff}}',
    history: 'History',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
