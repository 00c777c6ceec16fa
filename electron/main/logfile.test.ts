import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { rotatingFile } from './logfile';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'logfile-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('rotatingFile', () => {
  it('rotates by size and keeps only N old files, newest first', () => {
    const path = join(tmp(), 'logs', 'main.log');
    const f = rotatingFile(path, { maxBytes: 20, keep: 2 });
    for (const n of [1, 2, 3, 4, 5]) f.write(`line ${n} xxxxxxxx\n`); // 16 bytes each: one line per file
    f.close();
    expect(readFileSync(path, 'utf8')).toBe('line 5 xxxxxxxx\n');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('line 4 xxxxxxxx\n');
    expect(readFileSync(`${path}.2`, 'utf8')).toBe('line 3 xxxxxxxx\n');
    expect(existsSync(`${path}.3`)).toBe(false);
  });

  it('appends to an existing file and counts its size', () => {
    const path = join(tmp(), 'a.log');
    const a = rotatingFile(path, { maxBytes: 30, keep: 1 });
    a.write('0123456789\n');
    a.close();
    const b = rotatingFile(path, { maxBytes: 30, keep: 1 });
    b.write('0123456789\n');
    b.write('0123456789\n'); // 33 > 30: rotates before this line
    b.close();
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('0123456789\n0123456789\n');
    expect(readFileSync(path, 'utf8')).toBe('0123456789\n');
  });

  it('never splits a line that alone exceeds the limit', () => {
    const path = join(tmp(), 'b.log');
    const f = rotatingFile(path, { maxBytes: 4, keep: 1 });
    f.write('a long line\n');
    f.close();
    expect(readFileSync(path, 'utf8')).toBe('a long line\n');
  });

  it('drops lines written after close instead of throwing', () => {
    const path = join(tmp(), 'c.log');
    const f = rotatingFile(path, { maxBytes: 100, keep: 1 });
    f.write('before\n');
    f.close();
    expect(() => f.write('after\n')).not.toThrow();
    expect(() => f.close()).not.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('before\n');
  });

  it('works as the destination of the PII-scrubbing logger', () => {
    const path = join(tmp(), 'server.log');
    const f = rotatingFile(path, { maxBytes: 1e6, keep: 1 });
    createLogger({ level: 'info', destination: f }).info({ phone: '13812345678' }, 'hello');
    f.close();
    const line = readFileSync(path, 'utf8');
    expect(line).toContain('"msg":"hello"');
    expect(line).not.toContain('13812345678');
  });
});
