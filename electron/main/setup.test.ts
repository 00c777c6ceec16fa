import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];
const current = () => created.at(-1);
class FakeWindow extends EventEmitter {
  webContents = new EventEmitter();
  loadURL = vi.fn(async (_url: string) => undefined);
  close = vi.fn(() => this.emit('closed'));
  constructor(readonly options: { webPreferences?: { preload?: string } }) {
    super();
    created.push(this);
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { askForRole, enrollEnv, parseSetupSubmission, SETUP_ACTION, setupPageUrl } = await import('./setup');

function navigate(url: string) {
  const e = { preventDefault: vi.fn() };
  current()?.webContents.emit('will-navigate', e, url);
  return e.preventDefault;
}

describe('first-run setup page', () => {
  const submit = (q: string) => parseSetupSubmission(`${SETUP_ACTION}?${q}`);

  it('reads the role from the form submission', () => {
    expect(submit('role=hub&hub=')).toMatchObject({ ok: true, config: { role: 'hub' } });
    expect(submit('role=terminal&hub=http%3A%2F%2F10.0.0.2%3A5780')).toMatchObject({
      ok: true,
      config: { role: 'terminal', hubUrl: 'http://10.0.0.2:5780' },
    });
  });

  it('asks again when a terminal or display has no usable hub address', () => {
    for (const q of ['role=display&hub=', 'role=terminal&hub=javascript%3Aalert(1)', 'role=boss&hub=']) {
      expect(submit(q)).toMatchObject({ ok: false });
    }
  });

  it("takes a terminal's enrollment login, both parts or none, and drops it for the other roles", () => {
    const hub = 'hub=http%3A%2F%2F10.0.0.2%3A5780';
    expect(submit(`role=terminal&${hub}&user=manager1&password=s3cret`)).toMatchObject({
      ok: true,
      enroll: { user: 'manager1', password: 's3cret' },
    });
    expect(submit(`role=terminal&${hub}&user=&password=`)).toMatchObject({ ok: true, enroll: null });
    expect(submit(`role=display&${hub}&user=manager1&password=s3cret`)).toMatchObject({
      ok: true,
      enroll: null,
    });
    const half = submit(`role=terminal&${hub}&user=manager1&password=`);
    expect(half).toMatchObject({ ok: false, values: { user: 'manager1' } });
    expect(JSON.stringify(half)).not.toContain('s3cret');
    // The server enrolls again with it, this launch only.
    expect(enrollEnv({ user: 'manager1', password: 's3cret' })).toEqual({
      HUB_USER: 'manager1',
      HUB_PASSWORD: 's3cret',
      HUB_REENROLL: '1',
    });
    expect(enrollEnv(null)).toEqual({});
  });

  it('never echoes a password back into the page', () => {
    const r = submit('role=terminal&hub=nonsense&user=manager1&password=s3cret');
    if (!r || r.ok) throw new Error('expected a refusal');
    const html = decodeURIComponent(setupPageUrl(r.values, r.error));
    expect(html).toContain('value="manager1"');
    expect(html).not.toContain('s3cret');
  });

  it('ignores every other navigation', () => {
    expect(parseSetupSubmission('http://evil.example/choose?role=hub')).toBeNull();
    expect(parseSetupSubmission(SETUP_ACTION)).toBeNull();
  });

  it('renders a script-free page that escapes what it echoes back', () => {
    const html = decodeURIComponent(
      setupPageUrl({ role: 'terminal', hubUrl: '"><script>x</script>' }, '<b>'),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;b&#62;');
    expect(html).toContain(`form-action ${SETUP_ACTION}`);
    expect(html).toMatch(/value="terminal" required checked/);
  });
});

describe('askForRole', () => {
  it('shows the page without a preload and resolves with the choice', async () => {
    const chosen = askForRole(null);
    expect(current()?.options.webPreferences?.preload).toBeUndefined();
    expect(current()?.loadURL.mock.calls[0]?.[0]).toMatch(/^data:text\/html/);
    expect(navigate(`${SETUP_ACTION}?role=hub&hub=`)).toHaveBeenCalled();
    expect(await chosen).toMatchObject({ config: { role: 'hub' }, enroll: null });
    expect(current()?.close).toHaveBeenCalled();
  });

  it('shows the page again with the error, keeping what was typed', async () => {
    const chosen = askForRole({ role: 'terminal', hubUrl: 'http://old:1' });
    expect(decodeURIComponent(current()?.loadURL.mock.calls[0]?.[0] ?? '')).toContain('value="http://old:1"');
    navigate(`${SETUP_ACTION}?role=terminal&hub=nonsense`);
    expect(current()?.close).not.toHaveBeenCalled();
    const again = decodeURIComponent(current()?.loadURL.mock.calls[1]?.[0] ?? '');
    expect(again).toContain('class="err"');
    expect(again).toContain('value="nonsense"');
    navigate(`${SETUP_ACTION}?role=terminal&hub=http%3A%2F%2F10.1.1.1%3A5780`);
    expect(await chosen).toMatchObject({ config: { role: 'terminal', hubUrl: 'http://10.1.1.1:5780' } });
  });

  it('opens with the reason a terminal could not enroll, keeping the address and the username', async () => {
    const chosen = askForRole(
      { role: 'terminal', hubUrl: 'http://10.1.1.1:5780', user: 'manager1' },
      '用户名或密码错误',
    );
    const page = decodeURIComponent(current()?.loadURL.mock.calls[0]?.[0] ?? '');
    expect(page).toContain('用户名或密码错误');
    expect(page).toContain('value="manager1"');
    navigate(`${SETUP_ACTION}?role=terminal&hub=http%3A%2F%2F10.1.1.1%3A5780&user=manager1&password=right`);
    expect(await chosen).toMatchObject({ enroll: { user: 'manager1', password: 'right' } });
  });

  it('leaves other navigations to the lock-down, and resolves null when closed without a choice', async () => {
    const chosen = askForRole(null);
    expect(navigate('https://example.com/')).not.toHaveBeenCalled();
    current()?.emit('closed');
    expect(await chosen).toBeNull();
  });
});
