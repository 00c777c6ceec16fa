import { describe, expect, it } from 'vitest';
import { rulesConfigSchema, defaultRulesConfig } from '../config/schema';
import { revealRequest } from '../api/visit';
import { meaningfulChars, normaliseReason, overRevealLimit, revealWindowStart } from './reveal';

describe('reveal reasons', () => {
  it('removes invisible characters and folds whitespace', () => {
    expect(normaliseReason('\u200b\u200b')).toBe('');
    expect(normaliseReason(' 核\u200b对\u00ad \u3000 身份\ufeff ')).toBe('核对 身份');
    expect(normaliseReason('\u202e核对\u202c')).toBe('核对');
    // Full-width letters stay as typed, and still count as letters.
    expect(normaliseReason('ＡＢ')).toBe('ＡＢ');
    expect(meaningfulChars('ＡＢ')).toBe(2);
  });

  it('counts only letters and digits as meaningful', () => {
    expect(meaningfulChars('..')).toBe(0);
    expect(meaningfulChars('- -')).toBe(0);
    expect(meaningfulChars('核对')).toBe(2);
    expect(meaningfulChars('ID check 1')).toBe(8);
  });

  it('the request schema refuses a blank reason and hands on the normalised one', () => {
    expect(revealRequest.safeParse({ field: 'id', reason: '\u200b\u200b' }).success).toBe(false);
    expect(revealRequest.safeParse({ field: 'id', reason: '核\u200b' }).success).toBe(false);
    expect(revealRequest.safeParse({ field: 'id', reason: 'x'.repeat(201) }).success).toBe(false);
    expect(revealRequest.parse({ field: 'phone', reason: ' 回访\u200d核对 ' })).toEqual({
      field: 'phone',
      reason: '回访核对',
    });
  });
});

describe('reveal limit', () => {
  const cfg = { revealsPerWindow: 10, revealWindowMinutes: 10 };
  it('allows revealsPerWindow in the last revealWindowMinutes', () => {
    expect(overRevealLimit(9, cfg)).toBe(false);
    expect(overRevealLimit(10, cfg)).toBe(true);
    expect(revealWindowStart(600_000, cfg)).toBe(1);
  });

  it('is in the security settings with a default, also for settings saved before it existed', () => {
    expect(defaultRulesConfig.security).toMatchObject(cfg);
    const { revealsPerWindow: _r, revealWindowMinutes: _w, ...older } = defaultRulesConfig.security;
    const parsed = rulesConfigSchema.parse({ ...defaultRulesConfig, security: older });
    expect(parsed.security).toMatchObject(cfg);
  });
});

describe('normaliseReason keeps what was typed', () => {
  it('leaves full-width punctuation as typed (the audit shows the staff member’s own words)', () => {
    expect(normaliseReason('客户本人办理业务，核验身份\u200b')).toBe('客户本人办理业务，核验身份');
  });
});
