import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDesktopConfig, runsEmbeddedServer, writeDesktopConfig } from './role';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function file(): string {
  const d = mkdtempSync(join(tmpdir(), 'role-'));
  dirs.push(d);
  return join(d, 'desktop.json');
}

describe('desktop.json', () => {
  it('is missing on first run, and round-trips once written', () => {
    const f = file();
    expect(readDesktopConfig(f)).toBeNull();
    writeDesktopConfig(f, {
      role: 'terminal',
      hubUrl: 'http://192.168.1.10:5780/lobby',
      printer: null,
      lobbyDisplayId: null,
      openAtLogin: false,
    });
    expect(readDesktopConfig(f)).toEqual({
      role: 'terminal',
      hubUrl: 'http://192.168.1.10:5780', // only the origin is kept: it is what navigation is checked against
      printer: null,
      lobbyDisplayId: null,
      openAtLogin: false,
    });
    expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ role: 'terminal' });
  });

  it('treats a broken or invalid file as first run', () => {
    const f = file();
    writeFileSync(f, '{ not json');
    expect(readDesktopConfig(f)).toBeNull();
    writeFileSync(f, JSON.stringify({ role: 'display' })); // display without a hub address
    expect(readDesktopConfig(f)).toBeNull();
  });

  it('starts the embedded server for hub and terminal, not for a display-only PC', () => {
    const base = { printer: null, lobbyDisplayId: null, openAtLogin: false };
    expect(runsEmbeddedServer({ role: 'hub', ...base })).toBe(true);
    expect(runsEmbeddedServer({ role: 'terminal', hubUrl: 'http://h:1', ...base })).toBe(true);
    expect(runsEmbeddedServer({ role: 'display', hubUrl: 'http://h:1', ...base })).toBe(false);
  });
});
