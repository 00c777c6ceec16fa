/**
 * The Electron shell, thin on purpose: it only wires the small, tested modules beside it.
 * The branch server (the same code as `npm run serve`) runs in a utility process; windows load
 * it over 127.0.0.1 with a per-launch token; everything a user does goes through its API.
 */
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  safeStorage,
  screen,
  session,
} from 'electron';
import { join } from 'node:path';
import { encodeKeys } from '../db/pii';
import { readServeConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { describeDisplays, lobbyDisplayController } from './displays';
import { registerIpc } from './ipc';
import { newLaunchToken, withLaunchToken } from './launch-token';
import { LOG_ROTATION, rotatingFile } from './logfile';
import { askLobbyDisplay, askPrinter, menuTemplate } from './menu';
import { desktopKeyProvider } from './pii-keys';
import { openTicketPage, printerChoices, printTicket } from './printing';
import { readDesktopConfig, runsEmbeddedServer, writeDesktopConfig, type DesktopConfig } from './role';
import { startServerProcess, startupErrorText, type ServerHandle } from './server-host';
import { askForRole, enrollEnv, type EnrollLogin, type SetupChoice } from './setup';
import { showStarting, type StartingWindow } from './starting';
import { startAsking } from './terminal-start';
import { createShutdown } from './shutdown';
import { claimSingleInstance } from './single-instance';
import { isAllowedNavigation, lobbyWindowOptions, lockDown, staffWindowOptions } from './window-options';

const userData = app.getPath('userData');
const paths = {
  config: join(userData, 'desktop.json'),
  data: join(userData, 'data'),
  logs: join(userData, 'logs'),
  preload: join(__dirname, 'preload.cjs'),
};

let staffWin: BrowserWindow | null = null;
const mainWindow = () => staffWin ?? BrowserWindow.getAllWindows()[0] ?? null;

if (claimSingleInstance(app, mainWindow)) {
  // Native crashes (a segfault in better-sqlite3, a GPU crash) leave a minidump under userData.
  crashReporter.start({ uploadToServer: false });
  const logFile = rotatingFile(join(paths.logs, 'main.log'), LOG_ROTATION);
  const log = createLogger({ level: 'info', destination: logFile });
  process.on('uncaughtException', (err) => log.fatal({ err }, 'uncaught exception in main'));
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection in main'));
  app.on('render-process-gone', (_e, wc, d) => log.error({ url: wc.getURL(), ...d }, 'renderer gone'));
  app.on('child-process-gone', (_e, d) => log.error(d, 'child process gone'));

  let origin: string | null = null;
  let server: ServerHandle | null = null;
  let windowsOpen = false;
  const lobbyRef: { stop(): void } = { stop: () => {} };
  app.on('web-contents-created', (_e, contents) => lockDown(contents, () => origin));
  // Subscribed so that closing the first-run window does not quit before the app has opened.
  app.on('window-all-closed', () => windowsOpen && app.quit());

  const shutdown = createShutdown(
    {
      closeWindows: () => {
        lobbyRef.stop();
        for (const w of BrowserWindow.getAllWindows()) w.destroy();
      },
      stopServer: () => server?.stop() ?? Promise.resolve(),
      closeLog: () => logFile.close(),
      exit: (code) => app.exit(code),
    },
    log,
  );
  app.on('before-quit', (e) => {
    e.preventDefault();
    void shutdown.begin();
  });

  // On screen from the server's start until the staff window (or the role page, or an error box) replaces it.
  let starting: StartingWindow | null = null;
  const stopStarting = () => {
    starting?.close();
    starting = null;
  };

  const relaunch = (...extra: string[]) => {
    app.relaunch({ args: [...process.argv.slice(1).filter((a) => a !== '--setup'), ...extra] });
    app.quit();
  };

  // A failed start or a crashed server process: say why and where the logs are, then stop.
  const fail = (err: unknown) => {
    log.fatal({ err }, 'fatal: exiting');
    stopStarting();
    dialog.showErrorBox('网点分流出错 · 网点分流 has to stop', startupErrorText(err, paths.logs));
    app.exit(1);
  };

  void app
    .whenReady()
    .then(async () => {
      let cfg = readDesktopConfig(paths.config);
      // A new role keeps this PC's own choices (printer, lobby screen, start at login).
      const choose = (c: SetupChoice) =>
        writeDesktopConfig(paths.config, {
          ...(cfg ?? c.config),
          role: c.config.role,
          hubUrl: c.config.hubUrl,
        });
      let enroll: EnrollLogin | null = null;
      if (!cfg || process.argv.includes('--setup')) {
        const chosen = await askForRole(cfg);
        if (!chosen) return app.quit();
        cfg = choose(chosen);
        enroll = chosen.enroll;
      }
      let current: DesktopConfig = cfg;
      const save = (patch: Partial<DesktopConfig>) =>
        (current = writeDesktopConfig(paths.config, { ...current, ...patch }));
      // Re-applied every launch so the login entry follows the installed program's path.
      app.setLoginItemSettings({ openAtLogin: current.openAtLogin });

      if (runsEmbeddedServer(current)) {
        const token = newLaunchToken();
        // The ID/phone keys are wrapped by the OS user's keychain; only main can unwrap them.
        const keys = desktopKeyProvider(paths.data, safeStorage);
        const piiKeys = encodeKeys(keys.load());
        log.info({ protection: keys.protection }, 'PII keys loaded');
        const env = {
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: paths.data,
          // An installed app starts empty and asks for its first admin; `npm start` from a checkout shows the demo.
          DEMO: process.env.DEMO ?? (app.isPackaged ? '0' : '1'),
        };
        const outcome = await startAsking(current, enroll, {
          start: (c, login) => {
            stopStarting();
            starting = showStarting(c);
            return startServerProcess(join(__dirname, 'server-process.cjs'), {
              cfg: readServeConfig(
                [],
                { ...process.env, ...env, ROLE: c.role, HUB_URL: c.hubUrl, ...enrollEnv(login) },
                userData,
              ),
              staticDir: join(__dirname, '../renderer'),
              token,
              logFile: join(paths.logs, 'server.log'),
              piiKeys,
            });
          },
          ask: (values, error) => {
            stopStarting();
            return askForRole(values, error);
          },
          save: (c) => (cfg = current = choose(c)),
          log,
        });
        if (outcome.kind === 'quit') return app.quit();
        if (outcome.kind === 'relaunch') return relaunch();
        server = outcome.server;
        server.onCrash((code) => fail(new Error(`the branch server stopped unexpectedly (code ${code})`)));
        const url = (origin = server.url);
        session.defaultSession.webRequest.onBeforeSendHeaders((d, cb) =>
          cb({ requestHeaders: withLaunchToken(d.url, d.requestHeaders, url, token) }),
        );
      } else {
        origin = current.hubUrl ?? null;
      }
      const base = origin ?? '';

      const lobby = lobbyDisplayController({
        displays: () => screen.getAllDisplays(),
        primaryId: () => screen.getPrimaryDisplay().id,
        configuredId: () => current.lobbyDisplayId,
        role: current.role,
        open: (display) => {
          const w = new BrowserWindow(lobbyWindowOptions(display.bounds, paths.preload));
          w.once('ready-to-show', () => w.show());
          void w.loadURL(`${base}/display`);
          return w;
        },
      });
      lobbyRef.stop = () => lobby.stop();
      screen.on('display-added', () => lobby.sync());
      screen.on('display-removed', () => lobby.sync());

      if (current.role !== 'display') {
        const w = (staffWin = new BrowserWindow(staffWindowOptions(paths.preload)));
        w.once('ready-to-show', () => {
          w.show();
          stopStarting();
        });
        w.webContents.once('did-fail-load', stopStarting);
        w.on('closed', () => app.quit()); // the lobby TV alone must not keep a counter PC's app alive
        void w.loadURL(`${base}/`);
      }
      lobby.sync();
      windowsOpen = true;

      const printers = async () => (await mainWindow()?.webContents.getPrintersAsync()) ?? [];
      registerIpc(
        ipcMain,
        {
          printTicket: (ticketId) =>
            printTicket({
              origin: base,
              ticketId,
              printer: current.printer,
              open: openTicketPage,
              printers,
              log,
            }),
          listPrinters: async () => printerChoices(await printers(), current.printer),
          setTicketPrinter: async (name) => {
            if (name !== null && !(await printers()).some((p) => p.name === name))
              throw new Error('no such printer');
            save({ printer: name });
          },
          displayInfo: () => ({
            role: current.role,
            displays: describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id),
            lobbyDisplayId: lobby.displayId,
          }),
          appVersion: () => app.getVersion(),
        },
        (url) => isAllowedNavigation(url, origin),
      );

      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            version: app.getVersion(),
            dataDir: paths.data,
            logDir: paths.logs,
            openAtLogin: current.openAtLogin,
            isPackaged: app.isPackaged,
            setOpenAtLogin: (on) => {
              save({ openAtLogin: on });
              app.setLoginItemSettings({ openAtLogin: on });
            },
            choosePrinter: async () => {
              const v = await askPrinter(await printers());
              if (v !== undefined) save({ printer: v });
            },
            chooseLobbyDisplay: async () => {
              const v = await askLobbyDisplay(screen.getAllDisplays());
              if (v !== undefined) save({ lobbyDisplayId: v });
              lobby.sync();
            },
            changeRole: () => relaunch('--setup'),
          }),
        ),
      );
      log.info({ role: current.role, origin, version: app.getVersion() }, 'started');
    })
    .catch(fail);
}
