import i18n from '../i18n';

/** Menu labels of screens added after the shared dictionaries filled up (they stay at their size limit). */
i18n.addResourceBundle('zh-CN', 'translation', { nav: { staffing: '排班测算' } }, true, false);
i18n.addResourceBundle('en', 'translation', { nav: { staffing: 'Staffing what-if' } }, true, false);
/**
 * Menu labels of screens added after the shared translation files were full; joined into `nav` so the menu
 * (loaded before any screen's chunk) can name them.
 */
i18n.addResourceBundle('zh-CN', 'translation', { nav: { floor: '大堂现场' } }, true, false);
i18n.addResourceBundle('en', 'translation', { nav: { floor: 'Lobby floor' } }, true, false);
