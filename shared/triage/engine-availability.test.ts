import { describe, expect, it } from 'vitest';
import { branch, ids, input, person, run } from './engine.fixtures';

describe('anonymous walk-in', () => {
  it('simple business → self-service with help; other business → counter', () => {
    expect(run(input(null, ['bill_payment']))).toMatchObject({ channel: 'self', care: true });
    const d = run(input(null, ['wealth']));
    expect(d).toMatchObject({ channel: 'counter', priority: 0 });
    expect(d.facts).toEqual({ elderly: false, highRisk: false });
  });
  it('flags still apply', () => {
    expect(run(input(null, ['cash'], { elderly: true }))).toMatchObject({
      channel: 'counter',
      priority: 1,
      care: true,
    });
    expect(run(input(null, ['cash'], { pregnant: true }))).toMatchObject({ channel: 'self', priority: 1 });
  });
  it('customer conditions never match a walk-in', () => {
    const d = run(input(null, ['statement'], { needsHelp: true }));
    expect(d.matchedRules).not.toContain('vip-tier');
    expect(d.matchedRules).not.toContain('potential-self');
    expect(d.channel).toBe('counter');
  });
});

describe('fallbacks and availability', () => {
  it('never sends to a channel with no open service point when another permitted one is open', () => {
    const b = branch();
    b.counters = b.counters.map((c) => (c.id === 'C1' || c.id === 'C2' ? { ...c, open: false } : c));
    const d = run(input(person({ tier: 'effective' }), ['cash'], {}, b));
    expect(d).toMatchObject({ channel: 'self', available: true });
  });

  it('no open service point anywhere permitted → available:false, care, and a reason for the lobby manager', () => {
    const b = branch({ selfServiceUp: false });
    b.counters = b.counters.map((c) => ({ ...c, open: false }));
    const d = run(input(person(), ['wealth'], {}, b));
    expect(d).toMatchObject({ available: false, care: true, channel: 'counter' });
    expect(ids(d)).toContain('no-service-point');
  });

  it('self-service assistant stations listed but all closed → self-service unavailable', () => {
    const b = branch();
    b.counters = b.counters.map((c) => (c.channel === 'self' ? { ...c, open: false } : c));
    expect(run(input(person({ tier: 'potential' }), ['cash'], {}, b)).channel).toBe('counter');
  });

  it('no assistant stations listed → the machines alone are the service point', () => {
    const b = branch();
    b.counters = b.counters.filter((c) => c.channel !== 'self');
    expect(run(input(person({ tier: 'potential' }), ['cash'], {}, b)).channel).toBe('self');
  });

  it('a counter with no queues listed serves its own channel queue', () => {
    const b = branch();
    b.counters = b.counters.map((c) => ({ ...c, queues: [] }));
    expect(run(input(person({ tier: 'high' }), ['wealth'], {}, b)).channel).toBe('vip');
  });

  it('intents no single channel can do → the channel doing most, the rest pending', () => {
    const d = run(input(person(), ['wealth', 'corporate_settlement']));
    expect(d.channel).toBe('corporate');
    expect(d.pending).toEqual(['wealth']);
    expect(ids(d)).toContain('split-visit');
  });

  it('unknown intents are ignored with a reason', () => {
    const d = run(input(person(), ['cash', 'teleport']));
    expect(d.channel).toBe('counter');
    expect(ids(d)).toContain('unknown-intent');
  });

  it('shows the waiting count of each alternative', () => {
    const d = run(input(person(), ['cash'], {}, branch({ waiting: { self: 2, vip: 0 } })));
    expect(d.alternatives.find((a) => a.channel === 'self')?.waiting).toBe(2);
    expect(d.alternatives.find((a) => a.channel === 'corporate')?.waiting).toBeUndefined();
  });
});
