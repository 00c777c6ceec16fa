import { describe, expect, it } from 'vitest';
import { defaultTriageConfig } from './defaults';
import { resolveOverride } from './rules';

const suggested = { channel: 'counter', queue: 'individual' };

describe('resolveOverride', () => {
  it('keeps the engine’s channel and queue without an override', () => {
    expect(resolveOverride(suggested, undefined, defaultTriageConfig)).toEqual({
      ok: true,
      overridden: false,
      channel: 'counter',
      queue: 'individual',
    });
  });

  it('is no override when the suggested channel is chosen again', () => {
    const r = resolveOverride(suggested, { channel: 'counter', reason: '客户要求' }, defaultTriageConfig);
    expect(r).toEqual({ ok: true, overridden: false, channel: 'counter', queue: 'individual' });
  });

  it('sends the ticket to the chosen channel’s queue', () => {
    const vip = defaultTriageConfig.channels.find((c) => c.key === 'vip');
    expect(vip).toBeDefined();
    const r = resolveOverride(suggested, { channel: 'vip', reason: '大额业务' }, defaultTriageConfig);
    expect(r).toEqual({ ok: true, overridden: true, channel: 'vip', queue: vip?.queue });
  });

  it('follows the configured channel-to-queue map', () => {
    const cfg = { channels: [{ key: 'self' as const, zh: '自助', en: 'Self', queue: 'kiosk' }] };
    expect(resolveOverride(suggested, { channel: 'self', reason: '排队太长' }, cfg)).toMatchObject({
      ok: true,
      queue: 'kiosk',
    });
  });

  it('refuses a channel the branch has not configured, with the server’s message', () => {
    const cfg = { channels: defaultTriageConfig.channels.filter((c) => c.key !== 'corporate') };
    expect(resolveOverride(suggested, { channel: 'corporate', reason: '对公业务' }, cfg)).toEqual({
      ok: false,
      code: 'unknown_channel',
      zh: '未知的服务渠道',
      en: 'Unknown service channel',
    });
  });
});
