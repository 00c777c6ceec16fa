import i18n from '../../i18n';

/**
 * The lobby screen's newer texts (the prompt that follows the state, the customer's existing ticket, waits per
 * channel). They live beside the screen and join the app's translations under `lobbyMore`.
 */
const zh = {
  lobbyMore: {
    needVisitor: '请先刷证件或输入证件号、卡号、手机号查询客户，散客按 F3',
    needIntents: '已识别客户，请选择要办理的业务（数字键 1–9、0、-、=）',
    enterNeedsVisitor: '还不能取号：请先识别客户，或按 F3 选择散客',
    enterNeedsIntents: '还不能取号：请先按数字键选择业务，再按回车',
    noCounter: '暂无窗口办理',
    waitAbout: '约 {{count}} 分钟',
    waitNow: '无需等候',
    pickChannel: '请选择改派去向',
    existing: {
      title: '该客户已有排队号',
      position: '排第 {{count}} 位',
      status: '当前：{{status}}',
      hint: '同一客户只保留一个排队号：可重打凭条、更换业务，确有需要再另取一号。',
      reprint: '重打凭条',
      change: '更换业务',
      changeHint: '选择新的业务后按回车：保留原号码和排队时间',
      changeIssue: '更换业务',
      second: '另取一号',
      secondReason: '另取一号的原因',
      secondPlaceholder: '如：个人与公司业务分开办理',
      secondReasonRequired: '请填写原因（至少 2 个字）',
      secondConfirm: '确定',
      changed: '已更换业务',
      choose: '该客户已有排队号：请按 P 重打凭条、C 更换业务，或 N 另取一号',
    },
    creditCode: '信用代码',
  },
};

type Texts = typeof zh;

const en: Texts = {
  lobbyMore: {
    needVisitor: 'Swipe an ID or card, or type an ID, card or phone number; F3 for a walk-in',
    needIntents: 'Customer identified: choose the services (keys 1–9, 0, -, =)',
    enterNeedsVisitor: 'Not yet: identify the customer first, or press F3 for a walk-in',
    enterNeedsIntents: 'Not yet: choose a service with its number key, then press Enter',
    noCounter: 'No counter serving',
    waitAbout: 'about {{count}} min',
    waitNow: 'no wait',
    pickChannel: 'Choose where to send the customer',
    existing: {
      title: 'This customer already holds a ticket',
      position: 'number {{count}} in line',
      status: 'now: {{status}}',
      hint: 'One live ticket per customer: reprint it or change its service; issue a second one only if needed.',
      reprint: 'Reprint',
      change: 'Change service',
      changeHint: 'Choose the new services and press Enter: the number and place in line are kept',
      changeIssue: 'Change service',
      second: 'Second ticket',
      secondReason: 'Why a second ticket',
      secondPlaceholder: 'e.g. personal and company business done separately',
      secondReasonRequired: 'Give a reason (at least 2 characters)',
      secondConfirm: 'OK',
      changed: 'Service changed',
      choose: 'The customer already holds a ticket: P reprint, C change its service, or N a second ticket',
    },
    creditCode: 'Credit code',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
