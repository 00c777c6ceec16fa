import { describe, expect, it } from 'vitest';
import { closedReason } from './availability';
import { triageConfigSchema, type ChannelConfig } from './config';
import { defaultTriageConfig } from './defaults';
import { triage } from './engine';
import type { BranchState, ServicePoint, TriageCustomer } from './types';

/** 2025-06-15 10:00 in Shanghai. */
const ctx = { elderlyAge: 60, timeZone: 'Asia/Shanghai', now: Date.UTC(2025, 5, 15, 2, 0, 0) };
const cfg = defaultTriageConfig;
const vip = cfg.channels.find((c) => c.key === 'vip') as ChannelConfig;
const counter = cfg.channels.find((c) => c.key === 'counter') as ChannelConfig;
const self = cfg.channels.find((c) => c.key === 'self') as ChannelConfig;
const privateBanking: TriageCustomer = {
  kind: 'individual',
  tier: 'private',
  segments: [],
  birthDate: '1975-03-02',
  corporateGrade: null,
};

/** Every point open and staffed, except what `vipDesk` says about the VIP room's desk. */
function branch(vipDesk: Partial<ServicePoint>): BranchState {
  return {
    counters: [
      { id: 'V1', channel: 'vip', open: true, staffed: true, queues: ['vip'], ...vipDesk },
      { id: 'C1', channel: 'counter', open: true, staffed: true, queues: ['individual'] },
      { id: 'B1', channel: 'corporate', open: true, staffed: true, queues: ['corporate'] },
      { id: 'S1', channel: 'self', open: true, staffed: false, queues: ['self'] },
    ],
    vipRoom: { capacity: 4, load: 0 },
    selfServiceUp: true,
  };
}

describe('a channel is available only with an open and staffed service point', () => {
  it('an open VIP room with nobody signed in is not available: 贵宾室暂无人员', () => {
    const why = closedReason(vip, branch({ staffed: false }), cfg.staffedChannels);
    expect(why).toEqual({ zh: '贵宾室暂无人员', en: 'Nobody is on duty at the VIP room' });
    expect(closedReason(vip, branch({ staffed: true }), cfg.staffedChannels)).toBeNull();
    // Closed says closed, whoever is signed in.
    expect(closedReason(vip, branch({ open: false, staffed: true }), cfg.staffedChannels)?.zh).toBe(
      '贵宾室暂无开放窗口',
    );
  });

  it('one staffed desk is enough; an unstaffed counter does not hide a staffed one', () => {
    const b = branch({ staffed: false });
    b.counters.push({ id: 'V2', channel: 'vip', open: true, staffed: true, queues: ['vip'] });
    expect(closedReason(vip, b, cfg.staffedChannels)).toBeNull();
    const c = branch({});
    c.counters = c.counters.map((p) => (p.channel === 'counter' ? { ...p, staffed: false } : p));
    expect(closedReason(counter, c, cfg.staffedChannels)?.zh).toBe('柜台暂无人员');
  });

  it('is configured by data: a channel not in staffedChannels needs only an open point; self-service machines serve themselves', () => {
    expect(closedReason(vip, branch({ staffed: false }), ['counter'])).toBeNull();
    expect(closedReason(self, branch({}), cfg.staffedChannels)).toBeNull();
    // Not known (a staffing plan's simulation): counted as staffed.
    expect(closedReason(vip, branch({ staffed: undefined }), cfg.staffedChannels)).toBeNull();
  });

  it('triage sends the private-banking customer to a counter with priority and tells the lobby manager why', () => {
    const d = triage(
      { customer: privateBanking, intents: ['statement'], flags: {}, branch: branch({ staffed: false }) },
      cfg,
      ctx,
    );
    expect(d).toMatchObject({ channel: 'counter', priority: 2, available: true });
    expect(d.reasons.find((r) => r.ruleId === 'unavailable:vip')?.zh).toBe('贵宾室暂无人员，柜台优先办理');
    expect(d.alternatives.find((a) => a.channel === 'vip')).toMatchObject({
      available: false,
      whyNot: { zh: '贵宾室暂无人员' },
    });
    const staffed = triage(
      { customer: privateBanking, intents: ['statement'], flags: {}, branch: branch({ staffed: true }) },
      cfg,
      ctx,
    );
    expect(staffed.channel).toBe('vip');
    const anyone = triage(
      { customer: privateBanking, intents: ['statement'], flags: {}, branch: branch({ staffed: false }) },
      { ...cfg, staffedChannels: [] },
      ctx,
    );
    expect(anyone.channel).toBe('vip');
  });

  it('a stored config from before gets the default list; an unknown channel is refused', () => {
    const { staffedChannels: _omit, ...older } = cfg;
    void _omit;
    expect(triageConfigSchema.parse(older).staffedChannels).toEqual(['vip', 'counter', 'corporate']);
    expect(triageConfigSchema.safeParse({ ...cfg, staffedChannels: ['lounge'] }).success).toBe(false);
  });
});
