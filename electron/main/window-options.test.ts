import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  isAllowedNavigation,
  lobbyWindowOptions,
  lockDown,
  printWindowOptions,
  setupWindowOptions,
  staffWindowOptions,
  startingWindowOptions,
} from './window-options';

const all: [string, BrowserWindowConstructorOptions][] = [
  ['staff', staffWindowOptions('/app/preload.cjs')],
  ['lobby', lobbyWindowOptions({ x: 1920, y: 0, width: 1920, height: 1080 }, '/app/preload.cjs')],
  ['print', printWindowOptions()],
  ['setup', setupWindowOptions()],
  ['starting', startingWindowOptions()],
];

describe('window options', () => {
  it.each(all)('%s window is isolated, sandboxed and Node-free', (_name, opts) => {
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('gives the preload only to windows that show the app, never to print or setup pages', () => {
    expect(all.map(([n, o]) => [n, o.webPreferences?.preload])).toEqual([
      ['staff', '/app/preload.cjs'],
      ['lobby', '/app/preload.cjs'],
      ['print', undefined],
      ['setup', undefined],
      ['starting', undefined],
    ]);
  });

  it('lets only the lobby display play sound without a click (it speaks the calls)', () => {
    expect(all.map(([n, o]) => [n, o.webPreferences?.autoplayPolicy])).toEqual([
      ['staff', undefined],
      ['lobby', 'no-user-gesture-required'],
      ['print', undefined],
      ['setup', undefined],
      ['starting', undefined],
    ]);
  });

  it('places the lobby window on its monitor, full-screen and in kiosk mode', () => {
    expect(lobbyWindowOptions({ x: 1920, y: 0, width: 1280, height: 720 }, 'p')).toMatchObject({
      x: 1920,
      y: 0,
      width: 1280,
      height: 720,
      kiosk: true,
      fullscreen: true,
      frame: false,
    });
  });
});

describe('navigation', () => {
  const origin = 'http://127.0.0.1:5123';
  it('allows only the server origin', () => {
    expect(isAllowedNavigation(`${origin}/display`, origin)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:5124/', origin)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', origin)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', origin)).toBe(false);
    expect(isAllowedNavigation('not a url', origin)).toBe(false);
    expect(isAllowedNavigation(`${origin}/`, null)).toBe(false);
  });

  it('lockDown denies new windows and webviews and blocks foreign navigation and redirects', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    const openHandler = vi.fn();
    const contents = {
      setWindowOpenHandler: openHandler,
      on: (event: string, fn: (e: { preventDefault(): void }, url: string) => void) =>
        handlers.set(event, fn),
    } as unknown as WebContents;
    lockDown(contents, () => origin);

    const deny = openHandler.mock.calls[0]?.[0] as () => { action: string };
    expect(deny()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      const ok = { preventDefault: vi.fn() };
      handlers.get(event)?.(ok, `${origin}/lobby`);
      expect(ok.preventDefault).not.toHaveBeenCalled();
      const bad = { preventDefault: vi.fn() };
      handlers.get(event)?.(bad, 'https://phish.example/');
      expect(bad.preventDefault).toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
