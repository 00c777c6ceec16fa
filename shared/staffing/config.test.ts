import { describe, expect, it } from 'vitest';
import { defaultStaffingConfig, staffingConfigSchema, targetFor } from './config';

describe('staffing settings', () => {
  it('the defaults are valid, one target per queue', () => {
    expect(staffingConfigSchema.safeParse(defaultStaffingConfig).success).toBe(true);
  });

  it('a second target for the same queue is refused where it stands (it would never be read)', () => {
    const cfg = structuredClone(defaultStaffingConfig);
    cfg.targets.push({ queue: 'individual', waitMinutes: 3, percent: 90 });
    expect(targetFor(cfg, 'individual').waitMinutes).toBe(10);
    const r = staffingConfigSchema.safeParse(cfg);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([`targets.${cfg.targets.length - 1}.queue`]);
    expect(r.error?.issues[0]?.message).toContain('同一队列只能有一个服务目标');
  });
});
