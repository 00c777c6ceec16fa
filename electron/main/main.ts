/**
 * The Electron shell: thin on purpose. It starts the same branch server as `npm run serve`
 * on 127.0.0.1 with data under userData, and opens the staff window on it. Printing, the lobby
 * display on a second monitor and the role dialog arrive with Step 7 (issue 9).
 */
import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { readServeConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { startServer, type RunningServer } from '../server/start';
import { isAllowedNavigation, staffWindowOptions } from './window-options';

let server: RunningServer | null = null;
let win: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(async () => {
    const dataDir = join(app.getPath('userData'), 'data');
    const cfg = { ...readServeConfig([], { ...process.env, PORT: '0', DATA_DIR: dataDir }, process.cwd()) };
    const log = createLogger({ level: 'info' });
    server = await startServer(cfg, { staticDir: join(__dirname, '../renderer'), log });
    const origin = server.url;
    win = new BrowserWindow(staffWindowOptions(join(__dirname, 'preload.cjs')));
    win.webContents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    win.webContents.on('will-navigate', (e, url) => {
      if (!isAllowedNavigation(url, origin)) e.preventDefault();
    });
    win.once('ready-to-show', () => win?.show());
    await win.loadURL(`${origin}/`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (e) => {
    if (!server) return;
    e.preventDefault();
    const s = server;
    server = null;
    void s.close().finally(() => app.quit());
  });
}
