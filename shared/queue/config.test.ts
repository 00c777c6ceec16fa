import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, rulesConfigSchema } from '../config/schema';
import { channelQueueIssues } from '../triage/config';
import { defaultTriageConfig } from '../triage/defaults';
import { defaultQueueConfig, queueConfigSchema } from './config';

describe('queue config', () => {
  it('default passes its schema', () => {
    expect(queueConfigSchema.safeParse(defaultQueueConfig).success).toBe(true);
  });
  it('has the four queues of the brief and the appointment lane (Step 12)', () => {
    expect(defaultQueueConfig.queues.map((q) => [q.key, q.prefix, q.channel])).toEqual([
      ['vip', 'V', 'vip'],
      ['individual', 'A', 'counter'],
      ['corporate', 'B', 'corporate'],
      ['self', 'S', 'self'],
      ['appointment', 'Y', 'counter'],
    ]);
    expect(defaultQueueConfig.noShowRequeueLimit).toBe(1);
  });
  it('refuses duplicate keys or prefixes and bad prefixes', () => {
    const q = defaultQueueConfig.queues;
    expect(
      queueConfigSchema.safeParse({ ...defaultQueueConfig, queues: [...q, { ...q[0], prefix: 'Z' }] })
        .success,
    ).toBe(false);
    expect(
      queueConfigSchema.safeParse({ ...defaultQueueConfig, queues: [...q, { ...q[0], key: 'z' }] }).success,
    ).toBe(false);
    expect(
      queueConfigSchema.safeParse({ ...defaultQueueConfig, queues: [{ ...q[0], prefix: 'a' }] }).success,
    ).toBe(false);
  });
  it('agrees with the triage config: every channel feeds an existing queue of that channel', () => {
    expect(channelQueueIssues(defaultTriageConfig, defaultQueueConfig.queues)).toEqual([]);
    const broken = defaultQueueConfig.queues.filter((q) => q.key !== 'self');
    expect(channelQueueIssues(defaultTriageConfig, broken)).toHaveLength(1);
  });
  it('the whole default rules config parses', () => {
    const r = rulesConfigSchema.safeParse(defaultRulesConfig);
    expect(r.success, JSON.stringify(r.error?.issues.slice(0, 3))).toBe(true);
  });
});
