import type { i18n as I18n } from 'i18next';

/** Menu labels of the manager's dashboard and reports (their screens keep their own texts beside them). */
export function addDashboardNav(i18n: I18n): void {
  i18n.addResourceBundle(
    'zh-CN',
    'translation',
    { nav: { dashboard: '网点看板', reports: '经营报表' } },
    true,
    false,
  );
  i18n.addResourceBundle(
    'en',
    'translation',
    { nav: { dashboard: 'Dashboard', reports: 'Reports' } },
    true,
    false,
  );
}
