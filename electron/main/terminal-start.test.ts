import { describe, expect, it, vi } from 'vitest';
import type { DesktopConfig } from './role';
import type { EnrollLogin, SetupChoice, SetupValues } from './setup';
import { startAsking } from './terminal-start';

const terminal: DesktopConfig = {
  role: 'terminal',
  hubUrl: 'http://10.0.0.2:5780',
  printer: null,
  lobbyDisplayId: null,
  openAtLogin: false,
};
const choice = (config: Partial<DesktopConfig>, enroll: EnrollLogin | null): SetupChoice => ({
  config: { ...terminal, ...config },
  enroll,
});

/** A scripted run: each start fails with the next error until they run out; each ask answers the next choice. */
function scene(errors: string[], answers: (SetupChoice | null)[]) {
  const started: { config: DesktopConfig; enroll: EnrollLogin | null }[] = [];
  const asked: { values: SetupValues; error: string }[] = [];
  const saved: SetupChoice[] = [];
  const deps = {
    start: vi.fn(async (config: DesktopConfig, enroll: EnrollLogin | null) => {
      started.push({ config, enroll });
      const err = errors.shift();
      if (err) throw new Error(err);
      return 'server';
    }),
    ask: vi.fn(async (values: SetupValues, error: string) => {
      asked.push({ values, error });
      return answers.shift() ?? null;
    }),
    save: (c: SetupChoice) => {
      saved.push(c);
      return c.config;
    },
    log: { warn: vi.fn() },
  };
  return { deps, started, asked, saved };
}

describe('starting a counter terminal that must enroll', () => {
  it('asks for the login with the reason until the start succeeds, enrolling with what was typed', async () => {
    const s = scene(
      [
        '本终端尚未在主机登记',
        'hub answered 401 bad_credentials: 用户名或密码错误 · Wrong username or password',
      ],
      [
        choice({}, { user: 'manager1', password: 'wrong' }),
        choice({ hubUrl: 'http://10.0.0.3:5780' }, { user: 'manager1', password: 'right' }),
      ],
    );
    const out = await startAsking(terminal, null, s.deps);
    expect(out).toMatchObject({
      kind: 'started',
      server: 'server',
      config: { hubUrl: 'http://10.0.0.3:5780' },
    });
    expect(s.started.map((x) => x.enroll?.password ?? null)).toEqual([null, 'wrong', 'right']);
    expect(s.started[2]?.config.hubUrl).toBe('http://10.0.0.3:5780');
    expect(s.asked[0]?.error).toContain('尚未在主机登记');
    // Asked again with the address and the username typed last time, never the password.
    expect(s.asked[1]?.values).toEqual({
      role: 'terminal',
      hubUrl: 'http://10.0.0.2:5780',
      user: 'manager1',
    });
    expect(s.asked[1]?.error).toContain('用户名或密码错误');
    expect(s.saved).toHaveLength(2);
  });

  it('quits when the page is closed, and relaunches when another role is chosen', async () => {
    expect(await startAsking(terminal, null, scene(['no login'], [null]).deps)).toEqual({ kind: 'quit' });
    const toHub = scene(['no login'], [choice({ role: 'hub' }, null)]);
    expect(await startAsking(terminal, null, toHub.deps)).toEqual({ kind: 'relaunch' });
    expect(toHub.saved[0]?.config.role).toBe('hub');
  });

  it("throws a hub's failure as before: only a terminal is asked", async () => {
    const hub = scene(['disk full'], []);
    await expect(startAsking({ ...terminal, role: 'hub' }, null, hub.deps)).rejects.toThrow('disk full');
    expect(hub.deps.ask).not.toHaveBeenCalled();
  });
});
