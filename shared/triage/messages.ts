import type { Bilingual } from './channel';

/** The engine's own texts (rule reasons live in the config). `{x}` placeholders are filled by `fill`. */
export const MESSAGES = {
  vipFull: { zh: '{channel}已满', en: 'The {channel} is full' },
  selfDown: { zh: '{channel}设备暂停服务', en: 'The {channel} machines are out of service' },
  closed: { zh: '{channel}暂无开放窗口', en: 'No open service point at the {channel}' },
  unstaffed: { zh: '{channel}暂无人员', en: 'Nobody is on duty at the {channel}' },
  notForIntent: { zh: '{channel}不能办理{intent}', en: '{intent} cannot be done at the {channel}' },
  fallback: { zh: '{why}，{next}办理', en: '{why}: served at the {next}' },
  fallbackPriority: { zh: '{why}，{next}优先办理', en: '{why}: priority service at the {next}' },
  notChosen: { zh: '已按规则安排至{chosen}', en: 'The rules chose the {chosen}' },
  default: {
    zh: '{intents}可在{allowed}办理，按默认顺序安排至{chosen}',
    en: '{intents}: possible at {allowed}; default route is the {chosen}',
  },
  noServicePoint: {
    zh: '暂无可办理该业务的开放窗口，请大堂经理协助',
    en: 'No open service point can take this visit: the lobby manager should step in',
  },
  splitVisit: {
    zh: '所选业务无法在同一窗口办理，{pending}需另行取号',
    en: 'These intents cannot all be done at one channel: {pending} needs another ticket',
  },
  unknownIntent: { zh: '未知业务已忽略：{intents}', en: 'Unknown intents ignored: {intents}' },
  listSeparator: { zh: '、', en: ', ' },
} as const satisfies Record<string, Bilingual>;

/** Replace `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
}
