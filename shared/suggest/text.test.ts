import { describe, expect, it } from 'vitest';
import { fillTemplate, unknownPlaceholders } from './text';

describe('fillTemplate', () => {
  it('fills every known placeholder', () => {
    expect(
      fillTemplate('再存 {gap} 升级{tierNext}：{name}', {
        gap: '¥3,200',
        tierNext: '中端客户',
        name: '定期',
      }),
    ).toBe('再存 ¥3,200 升级中端客户：定期');
  });
  it('returns null when a placeholder has no value, so the caller can fall back', () => {
    expect(fillTemplate('再存 {gap}', {})).toBeNull();
    expect(fillTemplate('{tierNext}', { gap: '¥1' })).toBeNull();
  });
  it('leaves text without placeholders alone', () => {
    expect(fillTemplate('手机银行', {})).toBe('手机银行');
  });
});

describe('unknownPlaceholders', () => {
  it('lists placeholders the engine cannot fill', () => {
    expect(unknownPlaceholders('{gap} {rate} {name} {foo}')).toEqual(['rate', 'foo']);
    expect(unknownPlaceholders('no placeholders')).toEqual([]);
  });
});
