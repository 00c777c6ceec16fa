import { describe, expect, it } from 'vitest';
import {
  erasedProspect,
  prospectChangeRefusal,
  prospectDueAt,
  prospectRequest,
  PROSPECT_STATUSES,
} from './rules';

const consent = { granted: true, scope: 'all', channel: 'counter', textVersion: '2026-12' };

describe('prospect rules', () => {
  it('normalises the phone (+86, full-width, spaces) and masks numbers typed into the note', () => {
    const r = prospectRequest.parse({
      name: '  赵 小梅 ',
      phone: '+86 １３９ 1111 2222',
      note: '回电 13912345678',
      consent,
    });
    expect(r.phone).toBe('13911112222');
    expect(r.name).toBe('赵 小梅');
    expect(r.note).not.toContain('13912345678');
  });

  it('rejects a bad phone or a name with digits, with both languages in the message', () => {
    const bad = prospectRequest.safeParse({ name: '赵小梅', phone: '0571-8888', consent });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/手机号码.*\/.*mobile/);
    expect(prospectRequest.safeParse({ name: '李4', phone: '13911112222', consent }).success).toBe(false);
    expect(prospectRequest.safeParse({ name: '', phone: '13911112222', consent }).success).toBe(false);
  });

  it('is due the configured days after the visit', () => {
    expect(prospectDueAt(1_000, { followUpDays: 2 })).toBe(1_000 + 2 * 86_400_000);
    expect(prospectDueAt(1_000, { followUpDays: 0 })).toBe(1_000);
  });

  it('a withdrawn prospect changes no more; a handled one can only be linked or withdrawn', () => {
    for (const to of PROSPECT_STATUSES)
      expect(prospectChangeRefusal('withdrawn', to)?.code).toBe('prospect_withdrawn');
    expect(prospectChangeRefusal('open', 'contacted')).toBeNull();
    expect(prospectChangeRefusal('contacted', 'closed')?.code).toBe('prospect_not_open');
    expect(prospectChangeRefusal('contacted', 'withdrawn')).toBeNull();
    expect(prospectChangeRefusal('closed', 'converted')).toBeNull();
  });

  it('erasure leaves nothing that identifies the person', () => {
    const e = erasedProspect({
      name: '赵小梅',
      phoneHash: 'h',
      phoneMasked: '139****2222',
      note: 'x',
      id: '1',
    });
    expect(e).toMatchObject({
      name: '—',
      phoneHash: null,
      phoneMasked: null,
      phoneEnc: null,
      note: null,
      id: '1',
    });
  });
});
