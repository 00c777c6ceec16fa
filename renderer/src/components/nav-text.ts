import i18n from '../i18n';

/** Menu labels of screens added after the shared dictionaries filled up (they stay at their size limit). */
i18n.addResourceBundle(
  'zh-CN',
  'translation',
  {
    nav: {
      staffing: '排班测算',
      floor: '大堂现场',
      appointments: '预约',
      backups: '数据备份',
      group: {
        frontline: '厅堂与柜台',
        customers: '客户经营',
        analysis: '经营分析',
        data: '导入导出',
        admin: '网点管理',
      },
    },
  },
  true,
  false,
);
i18n.addResourceBundle(
  'en',
  'translation',
  {
    nav: {
      staffing: 'Staffing what-if',
      floor: 'Lobby floor',
      appointments: 'Appointments',
      backups: 'Backups',
      group: {
        frontline: 'Lobby & counters',
        customers: 'Customers',
        analysis: 'Analysis',
        data: 'Import & export',
        admin: 'Administration',
      },
    },
  },
  true,
  false,
);
