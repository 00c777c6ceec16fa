import { describe, expect, it } from 'vitest';
import { scrubLogLine, scrubLogText, scrubUrl } from './log-scrub';

const ID = '110101199003077777';
const PHONE = '13812345678';
const CARD = '6222021234567890123';

describe('log line scrubbing', () => {
  it('keeps pino’s time (13-digit epoch ms) and other time fields as numbers', () => {
    const line = JSON.stringify({
      level: 30,
      time: 1732000000000,
      at: 1732000000123,
      startedAt: 1732000000456,
      msg: 'x',
    });
    const out = scrubLogLine(line);
    expect(JSON.parse(out)).toEqual(JSON.parse(line));
  });

  it('masks IDs, phones and cards in strings and in bare numbers, and stays JSON', () => {
    const line = JSON.stringify({
      time: 1732000000000,
      msg: `lookup ${ID} ${PHONE} ${CARD}`,
      phone: Number(PHONE),
      card: 6222021234567890,
      nested: { q: ID.slice(0, 17) + 'X' },
    });
    const out = scrubLogLine(line);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(out).not.toContain(ID);
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain(CARD);
    expect(out).not.toContain('6222021234567890');
    expect(out).not.toContain(ID.slice(0, 17));
    expect(parsed.phone).toBe('138****5678');
    expect(parsed.time).toBe(1732000000000);
  });

  it('masks numbers written in groups and after escapes', () => {
    const text = scrubLogText('card 6222 0212 3456 7890 123, phone 138-1234-5678');
    expect(text).not.toMatch(/3456 7890/);
    expect(text).not.toContain('1234-5678');
    const out = scrubLogLine(JSON.stringify({ msg: `a\n${ID}` }));
    expect(out).not.toContain(ID);
  });

  it('leaves ordinary numbers, uuids and dates alone', () => {
    const s = 'port 5780, 2000 customers, 0190a3b2-7c11-7000-8000-000000000001 on 2026-01-05';
    expect(scrubLogText(s)).toBe(s);
  });
});

describe('URL scrubbing', () => {
  it('masks PII in the query, percent-encoded or not, and drops tokens', () => {
    const url = `/api/customers/lookup?q=${encodeURIComponent('6222 0212 3456 7890 123')}&x=${PHONE}&token=abcdef`;
    const out = scrubUrl(url);
    expect(out).not.toContain('3456');
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain('abcdef');
    expect(out).toContain('token=[redacted]');
    expect(scrubUrl(`/api/x/${ID}`)).toBe('/api/x/110101********7777');
  });
});

describe('scrubbing cost', () => {
  it('stays linear on a crafted line of spaced digits', () => {
    const line = JSON.stringify({ time: 1732000000000, msg: '1 '.repeat(50_000) + 'x' });
    const t0 = performance.now();
    scrubLogLine(line);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
