import i18n from '../../i18n';

/**
 * Texts of the export screen. They live beside the screen (loaded with its chunk) and join the app's
 * translations under `dataExport`.
 */
const zh = {
  dataExport: {
    title: '数据导出',
    subtitle:
      '导出本网点的业务数据供网点负责人分析；客户姓名、证件号、手机号均已脱敏，导出操作记入审计日志。',
    dataset: '导出内容',
    datasets: {
      visits: '到访记录（取号）',
      outcomes: '营销推荐结果',
      followups: '回访任务',
      complaints: '客户投诉',
      ratings: '服务评价',
    },
    from: '开始日期',
    to: '结束日期',
    rangeHint: '不填日期时导出最近 30 天',
    format: '文件格式',
    download: '导出',
  },
};

type Texts = typeof zh;

const en: Texts = {
  dataExport: {
    title: 'Export data',
    subtitle:
      "Export the branch's records for the branch manager. Names, ID and phone numbers are masked; every export is in the audit log.",
    dataset: 'What to export',
    datasets: {
      visits: 'Visits (tickets)',
      outcomes: 'Suggestion outcomes',
      followups: 'Follow-ups',
      complaints: 'Complaints',
      ratings: 'Service ratings',
    },
    from: 'From',
    to: 'To',
    rangeHint: 'Without dates: the last 30 days',
    format: 'Format',
    download: 'Export',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
