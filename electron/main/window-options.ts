import type { BrowserWindowConstructorOptions } from 'electron';

/** Kept apart from main.ts so a test can check the security settings without Electron. */
export function staffWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: '网点分流',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

/** Only the embedded server's origin may be shown in the window. */
export function isAllowedNavigation(url: string, serverOrigin: string): boolean {
  try {
    return new URL(url).origin === serverOrigin;
  } catch {
    return false;
  }
}
