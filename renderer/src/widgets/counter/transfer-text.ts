import i18n from '../../i18n';

/** Texts of the transfer dialog and of the transfer note on the receiving counter, under `transferCtx`. */
const zh = {
  transferCtx: {
    pickQueue: '请选择转往的队列',
    services: '转过去办理的业务',
    servicesRequired: '请至少保留一项业务',
    keepsPlace: '按原取号时间排队，不会排到队尾',
    title: '转来的客户',
    from: '转自 {{queue}}',
    by: '转出人 {{name}}',
    reason: '原因：{{reason}}',
    noReason: '未填写原因',
  },
};

const en: typeof zh = {
  transferCtx: {
    pickQueue: 'Choose the queue to transfer to',
    services: 'Services to do there',
    servicesRequired: 'Keep at least one service',
    keepsPlace: 'Keeps the original ticket time: not sent to the back of the line',
    title: 'Transferred customer',
    from: 'From {{queue}}',
    by: 'Sent by {{name}}',
    reason: 'Reason: {{reason}}',
    noReason: 'No reason given',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
