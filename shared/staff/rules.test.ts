import { describe, expect, it } from 'vitest';
import { changesRole, checkLastAdmin, checkOwnAccount } from './rules';

const admin = { id: 'a1', role: 'admin', active: true };
const teller = { id: 't1', role: 'teller', active: true };

/** An admin count that records whether it was read. */
function count(n: number) {
  const c = { asked: 0, fn: () => (c.asked++, n) };
  return c;
}

describe('checkLastAdmin', () => {
  it.each([
    ['disabled', { active: false }],
    ['moved to another role', { role: 'manager' }],
  ])('refuses the last active admin being %s, with the server’s message', (_what, change) => {
    expect(checkLastAdmin(admin, change, count(1).fn)).toEqual({
      ok: false,
      code: 'last_admin',
      zh: '必须保留至少一个启用的管理员',
      en: 'At least one active admin must remain',
    });
  });

  it('allows it while another active admin remains', () => {
    expect(checkLastAdmin(admin, { active: false }, count(2).fn).ok).toBe(true);
    expect(checkLastAdmin(admin, { role: 'teller' }, count(3).fn).ok).toBe(true);
  });

  it('does not count admins when no admin is taken away', () => {
    const c = count(1);
    for (const change of [{}, { role: 'admin' }, { active: true }, { role: undefined, active: undefined }])
      expect(checkLastAdmin(admin, change, c.fn).ok).toBe(true);
    expect(checkLastAdmin({ ...admin, active: false }, { role: 'teller' }, c.fn).ok).toBe(true);
    expect(checkLastAdmin(teller, { active: false }, c.fn).ok).toBe(true);
    expect(c.asked).toBe(0);
  });
});

describe('checkOwnAccount', () => {
  it('refuses changing one’s own role or disabling oneself, with the server’s message', () => {
    const refusal = {
      ok: false,
      code: 'own_account',
      zh: '不能更改自己的岗位或停用自己的账号',
      en: 'You cannot change your own role or disable your own account',
    };
    expect(checkOwnAccount('a1', admin, { role: 'manager' })).toEqual(refusal);
    expect(checkOwnAccount('a1', admin, { active: false })).toEqual(refusal);
  });

  it('allows harmless changes to oneself and any change to someone else', () => {
    expect(checkOwnAccount('a1', admin, { role: 'admin', active: true }).ok).toBe(true);
    expect(checkOwnAccount('a1', admin, {}).ok).toBe(true);
    expect(checkOwnAccount('a1', teller, { role: 'rm', active: false }).ok).toBe(true);
  });
});

describe('changesRole', () => {
  it('is true only for a different role', () => {
    expect(changesRole(teller, { role: 'rm' })).toBe(true);
    expect(changesRole(teller, { role: 'teller' })).toBe(false);
    expect(changesRole(teller, {})).toBe(false);
  });
});
