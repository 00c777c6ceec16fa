import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ENROLL_WAIT_MS } from '@shared/sync/config';

const created: FakeWindow[] = [];
class FakeWindow extends EventEmitter {
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  constructor(readonly options: { closable?: boolean; webPreferences?: { preload?: string } }) {
    super();
    created.push(this);
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { showStarting, startingPageUrl } = await import('./starting');
const page = (url: string) => decodeURIComponent(url);

describe('the starting window', () => {
  it("tells a terminal's staff which hub it is waiting for and for how long", () => {
    const html = page(startingPageUrl({ role: 'terminal', hubUrl: 'http://10.1.1.1:5780' }));
    expect(html).toContain('正在连接主机 <b>http://10.1.1.1:5780</b>');
    expect(html).toContain('Connecting to the hub at <b>http://10.1.1.1:5780</b>');
    expect(html).toContain(`最多等 ${ENROLL_WAIT_MS / 1000} 秒`);
  });

  it('says a hub is opening its data, and never runs a script or echoes markup', () => {
    expect(page(startingPageUrl({ role: 'hub' }))).toContain('正在打开网点数据');
    const html = page(startingPageUrl({ role: 'terminal', hubUrl: 'http://x/"><script>alert(1)</script>' }));
    expect(html).not.toContain('<script>');
    expect(html).toContain("default-src 'none'");
  });

  it('opens at once without a preload or a close button, and closes once however often asked', () => {
    const w = showStarting({ role: 'hub' });
    const win = created.at(-1) as FakeWindow;
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(win.options.closable).toBe(false);
    expect(win.loadURL.mock.calls[0]?.[0]).toMatch(/^data:text\/html/);
    w.close();
    w.close();
    expect(win.destroy).toHaveBeenCalledTimes(1);
  });
});
