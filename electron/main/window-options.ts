import type { BrowserWindowConstructorOptions, Rectangle, WebContents, WebPreferences } from 'electron';

/**
 * Every window gets the same locked-down renderer: no Node, isolated and sandboxed, and at most
 * the preload's named functions. Kept apart from main.ts so a test can check them without Electron.
 */
export function securePreferences(preload?: string): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function staffWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: '网点分流',
    show: false,
    webPreferences: securePreferences(preload),
  };
}

/** Full screen on the given monitor; kiosk so that nobody at the TV can leave it by accident. */
export function lobbyWindowOptions(bounds: Rectangle, preload: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: '网点分流 · 大堂显示',
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    show: false,
    // Nobody clicks a TV on the wall: the display speaks its calls from the first one, without a gesture.
    webPreferences: { ...securePreferences(preload), autoplayPolicy: 'no-user-gesture-required' },
  };
}

/** Never shown: the ticket is laid out at 80 mm (≈302 CSS px) and handed to the printer. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return { width: 302, height: 600, show: false, webPreferences: securePreferences() };
}

export function setupWindowOptions(): BrowserWindowConstructorOptions {
  return {
    // Tall enough for the role page with its terminal-enrollment block and a two-line error, without scrolling.
    width: 600,
    height: 720,
    title: '网点分流 · 首次设置',
    resizable: false,
    autoHideMenuBar: true,
    webPreferences: securePreferences(),
  };
}

/**
 * While the branch server starts: small, shown at once, and not closable (it goes by itself when the staff window or
 * the role page opens, at most the server's start limit later; closing it mid-start would leave a server starting
 * for no window).
 */
export function startingWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 540,
    height: 280,
    title: '网点分流 · 正在启动',
    resizable: false,
    closable: false,
    maximizable: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: securePreferences(),
  };
}

/** Only the branch server's origin (the embedded one, or the hub for a display PC) may be shown. */
export function isAllowedNavigation(url: string, serverOrigin: string | null): boolean {
  if (!serverOrigin) return false;
  try {
    return new URL(url).origin === serverOrigin;
  } catch {
    return false;
  }
}

/** Applied to every WebContents the app creates: no pop-ups, no webviews, no leaving the server. */
export function lockDown(contents: WebContents, origin: () => string | null): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, origin())) e.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => e.preventDefault());
}
