import i18n from '../../i18n';

/** Texts of the reports screen, joined into i18n under `rep`. */
const zh = {
  rep: {
    title: '经营报表',
    subtitle:
      '任意日期区间的历史：到店热力图、服务水平、员工、推荐转化、层级迁移、投诉。每个图表可导出为表格。',
    from: '开始日期',
    to: '结束日期',
    print: '打印日报',
    heat: '到店热力图（星期 × 小时）',
    days: '每日服务水平与平均等候',
    staff: '员工业绩',
    products: '按产品的推荐结果与转化',
    campaigns: '按营销活动的推荐结果与转化',
    tiers: '按客户层级的转化',
    migration: '客户层级迁移',
    complaints: '按周与类别的投诉',
    overdue: '逾期未办结投诉',
    resolvedLate: '区间内逾期办结 {{n}} 件',
    noSnapshots: '尚无余额快照（导入余额文件后可见）',
    empty: '区间内无数据',
    up: '升级 {{n}}',
    down: '降级 {{n}}',
    same: '不变 {{n}}',
    sl: '服务水平%',
    avgWait: '平均等候(分)',
    conversion: '转化率%',
    shown: '展示',
    accepted: '接受',
    total:
      '区间合计：取号 {{arrived}}，办结 {{served}}，服务水平 {{sl}}，过号率 {{noShow}}，离开率 {{walked}}',
    weekdays: '周一,周二,周三,周四,周五,周六,周日',
  },
};
const en: typeof zh = {
  rep: {
    title: 'Reports',
    subtitle:
      'History for any date range: arrivals heat map, service level, staff, suggestion conversion, tier migration, complaints. Every chart exports as a table.',
    from: 'From',
    to: 'To',
    print: 'Print daily report',
    heat: 'Arrivals by weekday × hour',
    days: 'SL% and average wait by day',
    staff: 'Per staff',
    products: 'Outcomes and conversion by product',
    campaigns: 'Outcomes and conversion by campaign',
    tiers: 'Conversion by tier',
    migration: 'Tier migration',
    complaints: 'Complaints by week and category',
    overdue: 'Overdue complaints',
    resolvedLate: '{{n}} resolved after their deadline in the range',
    noSnapshots: 'No balance snapshots yet (import a balance file)',
    empty: 'No data in the range',
    up: 'up {{n}}',
    down: 'down {{n}}',
    same: 'same {{n}}',
    sl: 'SL%',
    avgWait: 'Avg wait (min)',
    conversion: 'Conversion %',
    shown: 'Shown',
    accepted: 'Accepted',
    total:
      'Range: {{arrived}} arrived, {{served}} served, SL {{sl}}, no-show {{noShow}}, walked away {{walked}}',
    weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
  },
};
i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
