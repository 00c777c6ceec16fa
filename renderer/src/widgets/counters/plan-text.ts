import i18n from '../../i18n';

/** Texts of tomorrow's counter plan on the counters panel, joined under `counterPlan`. */
const zh = {
  counterPlan: {
    title: '明日窗口排班（{{date}}）',
    none: '尚未为明日排班。可在“排班测算”中按客流测算并一键应用。',
    open: '去排班测算',
    queue: '队列',
    fromVersion: '来自设置版本 {{version}}',
  },
};
const en: typeof zh = {
  counterPlan: {
    title: "Tomorrow's counter plan ({{date}})",
    none: 'No plan for tomorrow yet. The staffing what-if works one out from the arrivals and applies it.',
    open: 'Open the staffing what-if',
    queue: 'Queue',
    fromVersion: 'From settings version {{version}}',
  },
};
i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
