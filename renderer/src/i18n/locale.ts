/** The locale dates and numbers are written in for a UI language: Chinese as in China, English with day-first dates. */
export function localeOf(lang: string): 'zh-CN' | 'en-GB' {
  return lang.startsWith('zh') ? 'zh-CN' : 'en-GB';
}
