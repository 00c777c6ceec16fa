import i18n from '../../i18n';

/** Texts of the audit screen, joined under `audit`. */
const zh = {
  audit: {
    title: '审计日志',
    subtitle: '登录、查看完整证件号或手机号、改派、设置变更、导入导出与角色变更均有记录，不可修改或删除。',
    action: '操作',
    actionPlaceholder: '全部操作（可输入前缀，如 reveal.*）',
    staff: '员工',
    staffPlaceholder: '全部员工',
    target: '对象编号',
    targetPlaceholder: '客户、号码或员工的编号',
    from: '开始日期',
    to: '结束日期',
    search: '查询',
    clear: '清除条件',
    badRange: '开始日期不能晚于结束日期',
    at: '时间',
    reason: '原因',
    detail: '详情',
    prev: '上一页',
    next: '下一页',
    page: '第 {{page}} 页',
    empty: '没有符合条件的记录',
    system: '系统',
  },
};

const en: typeof zh = {
  audit: {
    title: 'Audit log',
    subtitle:
      'Logins, reveals of full ID or phone numbers, overrides, settings changes, imports, exports and role changes are recorded and cannot be edited or deleted.',
    action: 'Action',
    actionPlaceholder: 'All actions (a prefix works too, e.g. reveal.*)',
    staff: 'Staff',
    staffPlaceholder: 'All staff',
    target: 'Target ID',
    targetPlaceholder: 'ID of a customer, ticket or staff member',
    from: 'From',
    to: 'To',
    search: 'Search',
    clear: 'Clear',
    badRange: 'The start date is after the end date',
    at: 'Time',
    reason: 'Reason',
    detail: 'Detail',
    prev: 'Previous',
    next: 'Next',
    page: 'Page {{page}}',
    empty: 'No matching records',
    system: 'System',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
