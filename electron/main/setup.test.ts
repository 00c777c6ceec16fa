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

const { askForRole, parseSetupSubmission, SETUP_ACTION, setupPageUrl } = await import('./setup');

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
    expect(await chosen).toMatchObject({ role: 'hub' });
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
    expect(await chosen).toMatchObject({ role: 'terminal', hubUrl: 'http://10.1.1.1:5780' });
  });

  it('leaves other navigations to the lock-down, and resolves null when closed without a choice', async () => {
    const chosen = askForRole(null);
    expect(navigate('https://example.com/')).not.toHaveBeenCalled();
    current()?.emit('closed');
    expect(await chosen).toBeNull();
  });
});
