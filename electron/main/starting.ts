import { BrowserWindow } from 'electron';
import { ENROLL_WAIT_MS } from '@shared/sync/config';
import type { DesktopConfig } from './role';
import { startingWindowOptions } from './window-options';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What the PC shows while the branch server starts: without it, a double-click showed nothing for a second on a hub
 * and for up to ENROLL_WAIT_MS on a counter terminal whose hub does not answer, and staff clicked again or gave up.
 * A plain page with no script (like the role page): it says what is happening and how long it can take.
 */
export function startingPageUrl(config: Pick<DesktopConfig, 'role' | 'hubUrl'>): string {
  const waitS = Math.round(ENROLL_WAIT_MS / 1000);
  const hub = esc(config.hubUrl ?? '');
  const body =
    config.role === 'terminal'
      ? `<p class="what">正在连接主机 <b>${hub}</b> …<br>Connecting to the hub at <b>${hub}</b> …</p>
<p class="note">主机没有应答时最多等 ${waitS} 秒，之后可以重新填写主机地址或登记账号。<br>
If the hub does not answer, after ${waitS} s you can enter its address or the enrollment login again.</p>`
      : `<p class="what">正在打开网点数据 …<br>Opening the branch's data …</p>
<p class="note">大网点首次升级后可能需要一分钟。<br>After an update a large branch can take up to a minute.</p>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>网点分流 · 正在启动 Starting</title>
<style>body{font:15px system-ui,'Microsoft YaHei',sans-serif;margin:24px;color:#222}h2{margin:0 0 12px}
.spin{display:inline-block;width:16px;height:16px;border:3px solid #cfd8e3;border-top-color:#1677ff;border-radius:50%;
animation:r 1s linear infinite;vertical-align:-3px;margin-right:8px}@keyframes r{to{transform:rotate(360deg)}}
.what{line-height:1.6}.note{color:#555;font-size:13px;line-height:1.6}b{word-break:break-all}</style></head>
<body><h2><span class="spin"></span>网点分流正在启动 · Starting</h2>${body}</body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export interface StartingWindow {
  /** Idempotent: the window may already be gone. */
  close(): void;
}

/** Opens the starting window at once; close it when the next window is on screen (or the role page opens). */
export function showStarting(config: Pick<DesktopConfig, 'role' | 'hubUrl'>): StartingWindow {
  const win = new BrowserWindow(startingWindowOptions());
  void win.loadURL(startingPageUrl(config));
  return {
    close: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
