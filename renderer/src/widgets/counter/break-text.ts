import i18n from '../../i18n';

/** Texts of the break-reason dialog, joined into i18n under `breakReason`. */
const zh = {
  breakReason: {
    title: '暂离原因',
    hint: '请选择暂离原因（计入窗口损耗统计）',
    lunch: '午餐',
    training: '培训',
    meeting: '会议',
    other: '其他',
  },
};
const en: typeof zh = {
  breakReason: {
    title: 'Break reason',
    hint: 'Why the break? (it counts toward shrinkage on the dashboard)',
    lunch: 'Lunch',
    training: 'Training',
    meeting: 'Meeting',
    other: 'Other',
  },
};
i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
