import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, rulesConfigSchema } from './schema';
import { describeIssues } from './issues';

function issuesOf(patch: (c: Record<string, unknown>) => void) {
  const cfg = structuredClone(defaultRulesConfig) as unknown as Record<string, unknown>;
  patch(cfg);
  const r = rulesConfigSchema.safeParse(cfg);
  if (r.success) throw new Error('expected the config to be refused');
  return describeIssues(r.error);
}

describe('settings issues', () => {
  it('names the field and the bound of a number out of range, in both languages', () => {
    const [first] = issuesOf((c) => {
      (c.customer as { elderlyAge: number }).elderlyAge = 30;
    });
    expect(first).toEqual({ path: 'customer.elderlyAge', zh: '不能小于 50', en: 'Must be at least 50' });
  });

  it('reports a wrong type and a missing field', () => {
    const issues = issuesOf((c) => {
      (c.branch as { vipRoomCapacity: unknown }).vipRoomCapacity = 'four';
      delete (c.branch as { name?: string }).name;
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['branch.vipRoomCapacity']?.zh).toBe('类型应为数字');
    expect(byPath['branch.name']?.en).toBe('Required');
  });

  it('splits the codebase’s own "中文 / English" messages', () => {
    const issues = issuesOf((c) => {
      const q = c.queue as { queues: { prefix: string }[] };
      (q.queues[1] as { prefix: string }).prefix = (q.queues[0] as { prefix: string }).prefix;
    });
    const dup = issues.find((i) => i.path.endsWith('.prefix'));
    expect(dup?.zh).toBe('号码前缀重复');
    expect(dup?.en).toMatch(/^duplicate prefix/);
  });

  it('describes an enum value outside its list and a too-short list', () => {
    const issues = issuesOf((c) => {
      (c.queue as { wait: { method: string } }).wait.method = 'mode';
      (c.visit as { declineReasons: unknown[] }).declineReasons = [];
    });
    const method = issues.find((i) => i.path === 'queue.wait.method');
    expect(method?.en).toContain('median');
    expect(issues.find((i) => i.path === 'visit.declineReasons')?.zh).toBe('至少需要 1 项');
  });

  it('fills in the security defaults for a version saved before the section existed', () => {
    const cfg = structuredClone(defaultRulesConfig) as Partial<typeof defaultRulesConfig>;
    delete cfg.security;
    expect(rulesConfigSchema.parse(cfg).security.idleLockMinutes).toBe(10);
  });
});

describe('settings that would break every request', () => {
  it('refuses an unknown time zone and a broken customer-number pattern', () => {
    const issues = issuesOf((c) => {
      (c.branch as { timezone: string }).timezone = 'Mars/Olympus';
      (c.customer as { customerNoPattern: string }).customerNoPattern = '^C(\\d{9}$';
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['branch.timezone', 'customer.customerNoPattern']);
    expect(issues.find((i) => i.path === 'branch.timezone')?.zh).toContain('时区');
  });
});
