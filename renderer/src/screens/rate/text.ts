import i18n from '../../i18n';

/** Texts of the satisfaction pad (评价器), joined into the app's translations under `pad`. */
const zh = {
  pad: {
    connecting: '正在连接网点服务器…',
    badToken: '评价器令牌无效或已被撤销，请联系网点负责人重新生成链接',
    supervise: '服务监督',
    welcome: '欢迎您监督我们的服务',
    staffNo: '工号',
    noTeller: '本窗口暂停服务',
    ticket: '{{no}} 号',
    levels: {
      very_satisfied: '非常满意',
      satisfied: '满意',
      neutral: '一般',
      dissatisfied: '不满意',
    },
    details: '您还可以告诉我们（可选）',
    good: '好',
    poor: '待改进',
    submit: '提交评价',
    thanks: '感谢您的评价！',
    thanksSub: '祝您生活愉快，欢迎再次光临',
    refused: '评价时间已过，感谢您的光临',
    secondsLeft: '{{s}} 秒',
    offline: '与服务器的连接中断，正在重试…',
  },
};

type Texts = typeof zh;

const en: Texts = {
  pad: {
    connecting: 'Connecting to the branch server…',
    badToken: 'This pad’s token is not valid or was revoked; ask the branch manager for a new link',
    supervise: 'Service supervision',
    welcome: 'Tell us how we serve you',
    staffNo: 'Staff no.',
    noTeller: 'This counter is closed',
    ticket: 'Ticket {{no}}',
    levels: {
      very_satisfied: 'Very satisfied',
      satisfied: 'Satisfied',
      neutral: 'Neutral',
      dissatisfied: 'Dissatisfied',
    },
    details: 'Anything more? (optional)',
    good: 'Good',
    poor: 'Could be better',
    submit: 'Send',
    thanks: 'Thank you for your feedback!',
    thanksSub: 'Have a nice day',
    refused: 'The time to rate has passed. Thank you for your visit',
    secondsLeft: '{{s}} s',
    offline: 'Connection to the server lost, retrying…',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
