import { describe, expect, it } from 'vitest';
import { defaultAppointmentConfig as cfg } from './config';
import { availability, checkBooking, clockOf, instantOf, slotsOf, weekdayOf } from './slots';
import { checkInWindow, isNoShow } from './windows';
import { bookingCode, normalizeCode } from './code';

const TZ = 'Asia/Shanghai';
const MIN = 60_000;
// Friday 2026-12-04; 08:00 in Shanghai.
const NOW = instantOf('2026-12-04', 8 * 60, TZ);
const slot = (day: string, hhmm: string) =>
  instantOf(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const none = { slot: 0, day: 0, customerDay: 0 };
const req = (slotAt: number, over: Partial<Parameters<typeof checkBooking>[0]> = {}) => ({
  service: 'wealth',
  channel: 'desk' as const,
  slotAt,
  amountFen: null,
  ...over,
});

describe('slots', () => {
  it('cuts the open hours of an open day into slots, in the branch zone', () => {
    const s = slotsOf('2026-12-04', cfg, TZ);
    expect(s).toHaveLength(16);
    expect(clockOf(s[0] as number, TZ)).toBe('09:00');
    expect(clockOf(s.at(-1) as number, TZ)).toBe('16:30');
    expect(s[0]).toBe(Date.UTC(2026, 11, 4, 1, 0));
  });
  it('has none on a closed weekday or a holiday', () => {
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(slotsOf('2026-12-06', cfg, TZ)).toEqual([]);
    expect(slotsOf('2027-01-01', cfg, TZ)).toEqual([]);
  });
});

describe('checkBooking', () => {
  const at = slot('2026-12-05', '10:30');
  it('takes a free slot', () => {
    const r = checkBooking(req(at), none, NOW, cfg, TZ);
    expect(r.ok).toBe(true);
  });
  it('refuses by capacity per slot, daily cap and per-customer cap, each with its reason', () => {
    const code = (counts: typeof none) => {
      const r = checkBooking(req(at), counts, NOW, cfg, TZ);
      return r.ok ? 'ok' : r.code;
    };
    expect(code({ slot: 1, day: 1, customerDay: 0 })).toBe('ok');
    expect(code({ slot: 2, day: 2, customerDay: 0 })).toBe('slot_full');
    expect(code({ slot: 0, day: 16, customerDay: 0 })).toBe('day_full');
    expect(code({ slot: 0, day: 0, customerDay: 2 })).toBe('customer_cap');
  });
  it('refuses closed days, off-grid times, past slots, too far ahead, wrong channels, missing cash amounts', () => {
    const code = (r: ReturnType<typeof checkBooking>) => (r.ok ? 'ok' : r.code);
    expect(code(checkBooking(req(slot('2026-12-06', '10:00')), none, NOW, cfg, TZ))).toBe('closed_day');
    expect(code(checkBooking(req(at + 10 * MIN), none, NOW, cfg, TZ))).toBe('not_a_slot');
    expect(code(checkBooking(req(slot('2026-12-03', '10:00')), none, NOW, cfg, TZ))).toBe('slot_past');
    expect(code(checkBooking(req(slot('2026-12-30', '10:00')), none, NOW, cfg, TZ))).toBe('too_far_ahead');
    expect(code(checkBooking(req(at, { service: 'loan', channel: 'app' }), none, NOW, cfg, TZ))).toBe(
      'channel_not_allowed',
    );
    expect(code(checkBooking(req(at, { service: 'large_cash' }), none, NOW, cfg, TZ))).toBe(
      'amount_required',
    );
    expect(
      code(checkBooking(req(at, { service: 'large_cash', amountFen: 5_000_000 }), none, NOW, cfg, TZ)),
    ).toBe('ok');
  });
  it('keeps the current slot bookable until it ends', () => {
    const nine = slot('2026-12-04', '09:00');
    expect(checkBooking(req(nine), none, nine + 20 * MIN, cfg, TZ).ok).toBe(true);
    expect(checkBooking(req(nine), none, nine + 30 * MIN, cfg, TZ).ok).toBe(false);
  });
  it('availability marks full and past slots closed', () => {
    const nine = slot('2026-12-04', '09:00');
    const list = availability(
      '2026-12-04',
      cfg.services[0]!,
      new Map([[nine + 60 * MIN, 2]]),
      nine + 31 * MIN,
      cfg,
      TZ,
    );
    expect(list.slice(0, 4).map((s) => [s.time, s.open])).toEqual([
      ['09:00', false],
      ['09:30', true],
      ['10:00', false],
      ['10:30', true],
    ]);
  });
});

describe('check-in windows', () => {
  const at = slot('2026-12-05', '10:30');
  it('early, on time, late with the reason said', () => {
    const early = checkInWindow(at, at - 31 * MIN, cfg, TZ);
    expect(early.kind).toBe('early');
    expect(early.kind === 'early' && early.reason.zh).toContain('10:00 起可签到');
    expect(checkInWindow(at, at - 30 * MIN, cfg, TZ).kind).toBe('on_time');
    expect(checkInWindow(at, at + 15 * MIN, cfg, TZ).kind).toBe('on_time');
    const late = checkInWindow(at, at + 16 * MIN, cfg, TZ);
    expect(late.kind).toBe('late');
    expect(late.kind === 'late' && late.reason.zh).toBe(
      '预约 10:30，已迟到 16 分钟（超过 15 分钟），改按普通号办理',
    );
    expect(late.kind === 'late' && late.reason.en).not.toMatch(/expired/i);
  });
  it('a booking is a no-show once the late window has closed', () => {
    expect(isNoShow(at, at + 15 * MIN, cfg)).toBe(false);
    expect(isNoShow(at, at + 15 * MIN + 1, cfg)).toBe(true);
  });
});

describe('booking codes', () => {
  it('are six unambiguous characters and survive how people type them', () => {
    const code = bookingCode((n) => Uint8Array.from({ length: n }, (_, i) => i * 37));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(normalizeCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
    expect(normalizeCode('AB0O1I')).toBeNull();
    expect(normalizeCode('ABC')).toBeNull();
  });
});
