import type { z } from 'zod';

/** One refused field of a settings change: where (`customer.tiers.2.minFen`) and why, in Chinese and English. */
export interface SettingsIssue {
  path: string;
  zh: string;
  en: string;
}

const TYPE_ZH: Record<string, string> = {
  number: '数字',
  string: '文字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  int: '整数',
};

function typeZh(t: unknown): string {
  return TYPE_ZH[String(t)] ?? String(t);
}

/**
 * Rules written in this codebase carry "中文 / English" messages; zod's own checks (types, bounds,
 * formats) get their reason composed here from the issue's code and limits.
 */
export function describeIssue(issue: z.core.$ZodIssue): SettingsIssue {
  const path = issue.path.map(String).join('.');
  const split = issue.message.split(' / ');
  if (split.length === 2 && split[0] && split[1]) return { path, zh: split[0].trim(), en: split[1].trim() };
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of issues unless asked (reportInput); its message names what came.
      return /received undefined$/.test(issue.message)
        ? { path, zh: '必填项缺失', en: 'Required' }
        : {
            path,
            zh: `类型应为${typeZh(issue.expected)}`,
            en: `Expected ${String(issue.expected)}`,
          };
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return { path, zh: `至少需要 ${min} 项`, en: `Needs at least ${min} item(s)` };
      if (issue.origin === 'string')
        return { path, zh: `至少 ${min} 个字符`, en: `At least ${min} character(s)` };
      return issue.inclusive === false
        ? { path, zh: `须大于 ${min}`, en: `Must be greater than ${min}` }
        : { path, zh: `不能小于 ${min}`, en: `Must be at least ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set')
        return { path, zh: `最多 ${max} 项`, en: `At most ${max} item(s)` };
      if (issue.origin === 'string')
        return { path, zh: `最多 ${max} 个字符`, en: `At most ${max} character(s)` };
      return issue.inclusive === false
        ? { path, zh: `须小于 ${max}`, en: `Must be less than ${max}` }
        : { path, zh: `不能大于 ${max}`, en: `Must be at most ${max}` };
    }
    case 'invalid_value':
      return {
        path,
        zh: `取值须为：${issue.values.map(String).join('、')}`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      return { path, zh: '格式不正确', en: `Invalid format (${issue.format})` };
    case 'not_multiple_of':
      return {
        path,
        zh: `须为 ${String(issue.divisor)} 的倍数`,
        en: `Must be a multiple of ${String(issue.divisor)}`,
      };
    case 'unrecognized_keys':
      return {
        path,
        zh: `未知的设置项：${issue.keys.join('、')}`,
        en: `Unknown setting(s): ${issue.keys.join(', ')}`,
      };
    default:
      return { path, zh: `取值无效（${issue.message}）`, en: issue.message };
  }
}

export function describeIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map(describeIssue);
}
