import i18n from '../i18n';

/** Menu labels of screens added after the shared dictionaries filled up (they stay at their size limit). */
i18n.addResourceBundle(
  'zh-CN',
  'translation',
  { nav: { staffing: '排班测算', floor: '大堂现场', appointments: '预约' } },
  true,
  false,
);
i18n.addResourceBundle(
  'en',
  'translation',
  { nav: { staffing: 'Staffing what-if', floor: 'Lobby floor', appointments: 'Appointments' } },
  true,
  false,
);
