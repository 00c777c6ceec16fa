/**
 * main.ts is wiring only; this runs it once against a mocked Electron (a hub PC with a TV
 * attached) to check that the pieces are connected: server process, token header, windows,
 * IPC, lobby display on monitor events, and the shutdown order on quit.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ToServer } from './server-process';

const userData = mkdtempSync(join(tmpdir(), 'main-wiring-'));
writeFileSync(join(userData, 'desktop.json'), JSON.stringify({ role: 'hub' }));
afterAll(() => rmSync(userData, { recursive: true, force: true }));
const order: string[] = [];

const h = vi.hoisted(() => ({
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  screenEvents: new Map<string, () => void>(),
  windows: [] as unknown[],
  ipc: new Map<string, unknown>(),
  child: null as unknown,
  headers: null as
    null | ((d: { url: string; requestHeaders: Record<string, string> }, cb: (r: unknown) => void) => void),
  displays: [
    {
      id: 1,
      label: 'Counter',
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      size: { width: 1920, height: 1080 },
    },
    {
      id: 2,
      label: 'TV',
      bounds: { x: 1920, y: 0, width: 3840, height: 2160 },
      size: { width: 3840, height: 2160 },
    },
  ],
}));

class FakeWindow extends EventEmitter {
  destroyed = false;
  url = '';
  webContents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: vi.fn(),
    getPrintersAsync: async () => [{ name: 'POS-80', displayName: 'POS-80', description: '', options: {} }],
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    h.windows.push(this);
    h.appEvents.get('web-contents-created')?.({}, this.webContents);
  }
  loadURL = vi.fn(async (url: string) => {
    this.url = url;
  });
  show = vi.fn();
  isDestroyed = () => this.destroyed;
  close = () => this.destroy();
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    order.push(`window closed ${this.url}`);
    this.emit('closed');
  });
  static getAllWindows = () => (h.windows as FakeWindow[]).filter((w) => !w.destroyed);
}

class FakeChild extends EventEmitter {
  posted: ToServer[] = [];
  kill = vi.fn();
  postMessage(m: ToServer) {
    this.posted.push(m);
    order.push(`server ${m.type}`);
    if (m.type === 'start')
      setTimeout(() => this.emit('message', { type: 'ready', url: 'http://127.0.0.1:4567' }), 1);
    if (m.type === 'stop') setTimeout(() => this.emit('exit', 0), 1);
  }
}

vi.mock('electron', () => ({
  app: {
    getPath: () => userData,
    requestSingleInstanceLock: () => true,
    on: (e: string, fn: (...a: unknown[]) => void) => h.appEvents.set(e, fn),
    whenReady: () => Promise.resolve(),
    setLoginItemSettings: vi.fn(),
    getVersion: () => '0.1.0',
    isPackaged: false,
    quit: vi.fn(() =>
      h.appEvents.get('before-quit')?.({ preventDefault: () => order.push('quit deferred') }),
    ),
    exit: vi.fn((code: number) => order.push(`exit ${code}`)),
    relaunch: vi.fn(),
  },
  BrowserWindow: FakeWindow,
  crashReporter: { start: vi.fn() },
  // Stands in for the OS keychain: byte-reversed, so the stored file is not the plain JSON.
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
  },
  dialog: {
    showErrorBox: vi.fn((_t: string, text: string) => order.push(`error ${text}`)),
    showMessageBox: vi.fn(),
  },
  ipcMain: { handle: (ch: string, fn: unknown) => h.ipc.set(ch, fn) },
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
  screen: {
    getAllDisplays: () => h.displays,
    getPrimaryDisplay: () => h.displays[0],
    on: (e: string, fn: () => void) => h.screenEvents.set(e, fn),
  },
  session: {
    defaultSession: { webRequest: { onBeforeSendHeaders: (fn: typeof h.headers) => (h.headers = fn) } },
  },
  utilityProcess: {
    fork: vi.fn((path: string) => {
      order.push(`fork ${path.split(/[\\/]/).pop()}`);
      return (h.child = new FakeChild());
    }),
  },
}));

describe('main.ts wiring (hub PC with a TV)', () => {
  it('starts the server process, opens staff and lobby windows, and shuts down in order', async () => {
    await import('./main');
    const windows = () => h.windows as FakeWindow[];
    // The starting window, then the staff and lobby windows once the server answers.
    await vi.waitFor(() => expect(windows().length).toBe(3));
    await vi.waitFor(() => expect(h.ipc.size).toBe(5));
    const child = h.child as FakeChild;

    const start = child.posted[0];
    expect(start?.type === 'start' && start.cfg).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(userData, 'data'),
      role: 'hub',
    });
    const token = start?.type === 'start' ? start.token : '';
    expect(token.length).toBeGreaterThanOrEqual(32);
    // The PII keys travel in memory, unwrapped by main; on disk only the keychain-wrapped file exists.
    const keys = start?.type === 'start' ? start.piiKeys : undefined;
    expect(Buffer.from(keys?.enc ?? '', 'base64')).toHaveLength(32);
    expect(existsSync(join(userData, 'data.keys', 'pii.key.wrapped'))).toBe(true);
    expect(existsSync(join(userData, 'data.keys', 'pii.key'))).toBe(false);

    // Every request to the embedded server carries the launch token; nothing else does.
    const sent: Record<string, string>[] = [];
    h.headers?.({ url: 'http://127.0.0.1:4567/api/queues', requestHeaders: {} }, (r) =>
      sent.push((r as { requestHeaders: Record<string, string> }).requestHeaders),
    );
    h.headers?.({ url: 'https://elsewhere.example/', requestHeaders: {} }, (r) =>
      sent.push((r as { requestHeaders: Record<string, string> }).requestHeaders),
    );
    expect(sent).toEqual([{ 'x-branch-desk-launch': token }, {}]);

    const [lobby, staff] = [
      windows().find((w) => w.url.endsWith('/display')),
      windows().find((w) => w.url === 'http://127.0.0.1:4567/'),
    ];
    expect(staff?.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(String((staff?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(lobby?.options).toMatchObject({ x: 1920, y: 0, kiosk: true });
    expect(staff?.webContents.setWindowOpenHandler).toHaveBeenCalled(); // locked down on creation

    // The starting window was on screen from before the server's start until the staff window is ready to show.
    const starting = windows()[0];
    expect(decodeURIComponent(starting?.url ?? '')).toContain('正在打开网点数据');
    expect(order.indexOf(`window closed ${starting?.url}`)).toBe(-1);
    staff?.emit('ready-to-show');
    expect(staff?.show).toHaveBeenCalled();
    expect(starting?.destroyed).toBe(true);

    // The TV goes away and comes back.
    const tv = h.displays.pop();
    h.screenEvents.get('display-removed')?.();
    expect(lobby?.destroyed).toBe(true);
    if (tv) h.displays.push(tv);
    h.screenEvents.get('display-added')?.();
    expect(windows().filter((w) => w.url.endsWith('/display') && !w.destroyed)).toHaveLength(1);

    expect(existsSync(join(userData, 'logs', 'main.log'))).toBe(true);

    // Quit: windows first, then the server (drain, checkpoint, close), then exit.
    order.length = 0;
    h.appEvents.get('before-quit')?.({ preventDefault: () => order.push('quit deferred') });
    await vi.waitFor(() => expect(order.at(-1)).toBe('exit 0'));
    expect(order[0]).toBe('quit deferred');
    const stopAt = order.indexOf('server stop');
    expect(stopAt).toBeGreaterThan(0);
    // Closing the staff window asks to quit again; that joins this shutdown rather than starting one.
    expect(order.slice(1, stopAt).filter((o) => o !== 'quit deferred')).toEqual([
      'window closed http://127.0.0.1:4567/display',
      'window closed http://127.0.0.1:4567/',
    ]);
    expect(order.filter((o) => o === 'server stop' || o.startsWith('exit'))).toEqual([
      'server stop',
      'exit 0',
    ]);
  });
});
