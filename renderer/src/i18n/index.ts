import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { addDashboardNav } from './dashboard-nav';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('lang') : null;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
// The page says its language from the start (screen readers, and layouts that differ for English).
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

addDashboardNav(i18n);

export function setLanguage(lang: 'zh-CN' | 'en'): void {
  localStorage.setItem('lang', lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
