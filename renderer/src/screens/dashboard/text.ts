import i18n from '../../i18n';

/** Texts of the dashboard (and the break-reason dialog), joined into i18n under `dash`. */
const zh = {
  dash: {
    title: '网点看板',
    subtitle: '今日实时：按队列、客户层级和窗口；叫号、办结时自动刷新。',
    updated: '更新于 {{time}}',
    alerts: '预警',
    noAlerts: '暂无预警',
    total: '今日合计',
    byQueue: '按队列',
    byTier: '按客户层级',
    counters: '窗口',
    help: '指标口径',
    col: {
      name: '名称',
      waitingNow: '等候中',
      longest: '最长等候',
      sl: '服务水平',
      avgWait: '平均等候',
      avgService: '平均办理',
      served: '已办结',
      noShows: '过号',
      arrived: '取号',
      counter: '窗口',
      state: '状态',
      inState: '持续',
      current: '当前号',
      servedToday: '今日办结',
      idle: '有客空闲',
    },
    state: { serving: '在岗', break: '暂离', back_office: '后台事务', closed: '关闭' },
    reason: { lunch: '午餐', training: '培训', meeting: '会议', other: '其他', none: '未填原因' },
    breaks: '今日暂离（分钟）',
    min: '{{n}} 分',
    idleNow: '空闲中（有客等候）',
    target: '目标 {{n}} 分',
    breakTitle: '暂离原因',
    breakPick: '请选择暂离原因（计入窗口损耗统计）',
    withReason: '{{state}}（{{reason}}）',
  },
};

type Texts = typeof zh;

const en: Texts = {
  dash: {
    title: 'Branch dashboard',
    subtitle:
      'Today, live: per queue, customer tier and counter; refreshed when tickets are called and finished.',
    updated: 'Updated {{time}}',
    alerts: 'Alerts',
    noAlerts: 'No alerts',
    total: 'Today',
    byQueue: 'By queue',
    byTier: 'By customer tier',
    counters: 'Counters',
    help: 'How the figures are defined',
    col: {
      name: 'Name',
      waitingNow: 'Waiting',
      longest: 'Longest wait',
      sl: 'SL%',
      avgWait: 'Avg wait',
      avgService: 'Avg service',
      served: 'Served',
      noShows: 'No-shows',
      arrived: 'Arrived',
      counter: 'Counter',
      state: 'State',
      inState: 'For',
      current: 'Ticket',
      servedToday: 'Served today',
      idle: 'Idle with queue',
    },
    state: { serving: 'Serving', break: 'Break', back_office: 'Back office', closed: 'Closed' },
    reason: {
      lunch: 'Lunch',
      training: 'Training',
      meeting: 'Meeting',
      other: 'Other',
      none: 'no reason given',
    },
    breaks: 'Breaks today (min)',
    min: '{{n}} min',
    idleNow: 'Idle while customers wait',
    target: 'target {{n}} min',
    breakTitle: 'Break reason',
    breakPick: 'Why the break? (it counts toward shrinkage)',
    withReason: '{{state}} ({{reason}})',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
