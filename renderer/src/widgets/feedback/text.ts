import i18n from '../../i18n';

/** Texts of the feedback widgets (the lobby's alert, the figures table, the pads panel), under `feedback`. */
const zh = {
  feedback: {
    alertTitle: '客户评价“{{answer}}”：{{no}} 号',
    alertBody: '{{counter}}{{staff}}，请大堂经理及时接待客户（已生成{{what}}）',
    complaint: '投诉',
    followUp: '回访',
    dismiss: '知道了',
    answers: {
      very_satisfied: '非常满意',
      satisfied: '满意',
      neutral: '一般',
      dissatisfied: '不满意',
      none: '未评价',
    },
    figures: {
      title: '服务评价（近 7 天）',
      titleDay: '服务评价 · {{day}}',
      titleRange: '服务评价 · {{from}} 至 {{to}}',
      byStaff: '按柜员',
      byService: '按业务',
      byDay: '按日期',
      name: '名称',
      finished: '办结',
      answered: '评价',
      satisfaction: '满意度',
      response: '参评率',
      dissatisfied: '不满意',
      empty: '暂无办结业务',
    },
    survey: { scan: '扫码评价本次服务' },
    pads: {
      tab: '评价器',
      hint: '每个窗口可配一台评价器（平板或副屏），打开下方生成的链接即可使用；令牌只显示一次，可随时撤销。',
      add: '添加评价器',
      counter: '窗口',
      name: '名称',
      namePlaceholder: '如：1号窗口评价器',
      create: '生成链接',
      once: '此链接只显示一次，请在评价器上打开并保存',
      done: '完成',
      revoke: '撤销',
      revokeConfirm: '撤销“{{name}}”？该评价器将无法继续使用',
      lastSeen: '最近连接',
      never: '从未',
    },
  },
};

type Texts = typeof zh;

const en: Texts = {
  feedback: {
    alertTitle: 'Customer rated “{{answer}}”: ticket {{no}}',
    alertBody: '{{counter}}{{staff}}. Please meet the customer now (a {{what}} was opened)',
    complaint: 'complaint',
    followUp: 'follow-up',
    dismiss: 'Got it',
    answers: {
      very_satisfied: 'Very satisfied',
      satisfied: 'Satisfied',
      neutral: 'Neutral',
      dissatisfied: 'Dissatisfied',
      none: 'Not rated',
    },
    figures: {
      title: 'Service ratings (last 7 days)',
      titleDay: 'Service ratings · {{day}}',
      titleRange: 'Service ratings · {{from}} to {{to}}',
      byStaff: 'By teller',
      byService: 'By service',
      byDay: 'By day',
      name: 'Name',
      finished: 'Finished',
      answered: 'Rated',
      satisfaction: 'Satisfied',
      response: 'Response',
      dissatisfied: 'Dissatisfied',
      empty: 'No finished visits',
    },
    survey: { scan: 'Scan to rate this visit' },
    pads: {
      tab: 'Satisfaction pads',
      hint: 'Each counter can have a satisfaction pad (a tablet or second screen): open the link created here on it. The token is shown once and can be revoked.',
      add: 'Add pad',
      counter: 'Counter',
      name: 'Name',
      namePlaceholder: 'e.g. Counter 1 pad',
      create: 'Create link',
      once: 'This link is shown once: open it on the pad and keep it',
      done: 'Done',
      revoke: 'Revoke',
      revokeConfirm: 'Revoke “{{name}}”? The pad stops working',
      lastSeen: 'Last seen',
      never: 'Never',
    },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
