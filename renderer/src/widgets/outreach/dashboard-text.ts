import i18n from '../../i18n';

/** Texts of the manager dashboard's 客户经营 card (Step 14), under `outreachDash`. */
const zh = {
  outreachDash: {
    title: '客户经营 · 今日联络名单',
    due: '今日应联系',
    done: '已联系',
    open: '待联系',
    overdue: '其中逾期',
    progress: '完成率',
    contacts: '近30天联络次数',
    reached: '联系上比例',
    churn: '流失预警已联系 / 资产保持',
    aumRetained: '保持的金融资产',
    byList: '各名单完成情况',
    byStaff: '客户经理',
    staff: '员工',
    unassigned: '未分配',
    results: '联络结果（近30天）：',
    reasons: '流失原因（近30天）：',
    none: '暂无',
    empty: '今日没有需要联系的客户',
  },
};

const en: typeof zh = {
  outreachDash: {
    title: "Outreach · today's lists",
    due: 'Due today',
    done: 'Contacted',
    open: 'Still to call',
    overdue: 'of which overdue',
    progress: 'Done',
    contacts: 'Contacts (30 days)',
    reached: 'Reached',
    churn: 'Churn risk contacted / retained',
    aumRetained: 'AUM retained',
    byList: 'By list',
    byStaff: 'Relationship managers',
    staff: 'Staff',
    unassigned: 'Unassigned',
    results: 'Results (30 days): ',
    reasons: 'Churn reasons (30 days): ',
    none: 'None',
    empty: 'Nobody is due for a contact today',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
