import i18n from '../../i18n';

/** Texts of the lobby floor screen (大堂现场), joined into the app's translations under `floor`. */
const zh = {
  floor: {
    title: '大堂现场',
    subtitle: '今日未办结的号：等候最久的在最上面。',
    keys: '快捷键：↑ ↓ 选择 · P 重打凭条 · X 取消 · M 改队列 · S 自助办结',
    empty: '当前没有未办结的号',
    longest: '最长等候',
    waitingIn: '{{queue}} {{count}} 人',
    col: {
      number: '号码',
      customer: '客户',
      services: '业务',
      place: '去向',
      status: '状态',
      waited: '已等候',
      actions: '操作',
    },
    walkIn: '散客',
    minutes: '{{count}} 分钟',
    atCounter: '{{status}} · {{counter}}',
    reprint: '重打',
    cancel: '取消',
    move: '改队列',
    selfServed: '自助办结',
    cancelTitle: '取消 {{no}}',
    moveTitle: '{{no}} 改到其他队列',
    reason: '原因',
    cancelPlaceholder: '如：客户已离开、重复取号',
    movePlaceholder: '如：贵宾室空闲、客户要求',
    reasonRequired: '请填写原因（至少 2 个字）',
    pickQueue: '请选择队列',
    confirm: '确定',
    done: {
      reprint: '{{no}} 凭条已重打',
      cancel: '{{no}} 已取消',
      move: '{{no}} 已改到{{queue}}',
      selfServed: '{{no}} 已在自助区办结',
    },
    notSelf: '只有自助区的号可在此办结',
  },
};

type Texts = typeof zh;

const en: Texts = {
  floor: {
    title: 'Lobby floor',
    subtitle: 'Today’s open tickets: the longest wait on top.',
    keys: 'Keys: ↑ ↓ select · P reprint · X cancel · M move · S served at self-service',
    empty: 'No open tickets right now',
    longest: 'Longest wait',
    waitingIn: '{{queue}} {{count}}',
    col: {
      number: 'No.',
      customer: 'Customer',
      services: 'Services',
      place: 'Channel',
      status: 'Status',
      waited: 'Waited',
      actions: 'Actions',
    },
    walkIn: 'Walk-in',
    minutes: '{{count}} min',
    atCounter: '{{status}} · {{counter}}',
    reprint: 'Reprint',
    cancel: 'Cancel',
    move: 'Move',
    selfServed: 'Self-served',
    cancelTitle: 'Cancel {{no}}',
    moveTitle: 'Move {{no}} to another queue',
    reason: 'Reason',
    cancelPlaceholder: 'e.g. the customer left, issued twice',
    movePlaceholder: 'e.g. VIP room free, customer asked',
    reasonRequired: 'Give a reason (at least 2 characters)',
    pickQueue: 'Choose a queue',
    confirm: 'OK',
    done: {
      reprint: '{{no}} slip reprinted',
      cancel: '{{no}} cancelled',
      move: '{{no}} moved to {{queue}}',
      selfServed: '{{no}} served at self-service',
    },
    notSelf: 'Only self-service tickets are closed here',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
