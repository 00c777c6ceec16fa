import { describe, expect, it } from 'vitest';
import { defaultTriageConfig } from '@shared/triage/defaults';
import { INTENT_KEYS, intentIndexForKey } from './intent-keys';

describe('intent keys', () => {
  it('gives every default service a key, the 10th to 12th on 0, - and =', () => {
    expect(defaultTriageConfig.intents.length).toBeLessThanOrEqual(INTENT_KEYS.length);
    const byKey = (k: string) => defaultTriageConfig.intents[intentIndexForKey(k)]?.key;
    expect(byKey('1')).toBe(defaultTriageConfig.intents[0]?.key);
    expect(byKey('0')).toBe('fx');
    expect(byKey('-')).toBe('corporate_settlement');
    expect(byKey('=')).toBe('complaint');
  });

  it('reads a full-width key as its half-width one and ignores other keys', () => {
    expect(intentIndexForKey('１')).toBe(0);
    expect(intentIndexForKey('０')).toBe(9);
    expect(intentIndexForKey('a')).toBe(-1);
    expect(intentIndexForKey('Enter')).toBe(-1);
  });
});
