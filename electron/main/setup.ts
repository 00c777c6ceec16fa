import { BrowserWindow } from 'electron';
import { desktopConfigSchema, type DesktopConfig } from './role';
import { setupWindowOptions } from './window-options';

/**
 * The first-run role page: a plain HTML form with no script and no preload. Submitting it
 * "navigates" to SETUP_ACTION; main reads the choice from that URL in 'will-navigate' and
 * cancels the navigation, so nothing leaves the machine and the page needs no bridge.
 */
export const SETUP_ACTION = 'http://setup.invalid/choose';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function setupPageUrl(values: { role?: string; hubUrl?: string }, error?: string): string {
  const radio = (role: string, label: string) =>
    `<label><input type="radio" name="role" value="${role}" required${values.role === role ? ' checked' : ''}> ${label}</label>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${SETUP_ACTION}">
<title>网点分流 · 首次设置 Setup</title>
<style>body{font:15px system-ui,'Microsoft YaHei',sans-serif;margin:24px}label{display:block;margin:10px 0}
input[type=url]{width:100%;padding:6px;box-sizing:border-box}.err{color:#b00020}button{padding:8px 24px}</style></head>
<body><h2>这台电脑的用途 · What is this PC?</h2>
${error ? `<p class="err">${esc(error)}</p>` : ''}
<form method="get" action="${SETUP_ACTION}">
${radio('hub', '网点主机（数据保存在本机）· Branch hub (keeps the data)')}
${radio('terminal', '柜台终端（连接主机）· Counter terminal (connects to the hub)')}
${radio('display', '仅大堂显示屏 · Lobby display only')}
<label>主机地址（终端和显示屏需要）· Hub address (terminal and display)
<input type="url" name="hub" placeholder="http://192.168.1.10:5780" value="${esc(values.hubUrl ?? '')}"></label>
<button type="submit">确定 OK</button></form></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export type SetupResult =
  | { ok: true; config: DesktopConfig }
  | { ok: false; error: string; values: { role: string; hubUrl: string } };

/** null: not a setup submission (any other navigation, which stays blocked). */
export function parseSetupSubmission(url: string): SetupResult | null {
  if (!url.startsWith(`${SETUP_ACTION}?`)) return null;
  const q = new URL(url).searchParams;
  const role = q.get('role') ?? '';
  const hubUrl = (q.get('hub') ?? '').trim();
  const parsed = desktopConfigSchema.safeParse({
    role,
    hubUrl: role === 'hub' || hubUrl === '' ? undefined : hubUrl,
  });
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    error:
      '请选择用途；终端和显示屏需要主机地址，如 http://192.168.1.10:5780 · Pick a role; terminal and display need the hub address (http://…).',
    values: { role, hubUrl },
  };
}

/** Shows the role page until a valid choice is made; null if the window is closed instead. */
export function askForRole(
  current: { role?: string; hubUrl?: string } | null,
): Promise<DesktopConfig | null> {
  const win = new BrowserWindow(setupWindowOptions());
  return new Promise((resolve) => {
    let chosen: DesktopConfig | null = null;
    win.webContents.on('will-navigate', (e, url) => {
      const r = parseSetupSubmission(url);
      if (!r) return;
      e.preventDefault();
      if (!r.ok) return void win.loadURL(setupPageUrl(r.values, r.error));
      chosen = r.config;
      win.close();
    });
    win.on('closed', () => resolve(chosen));
    void win.loadURL(setupPageUrl(current ?? {}));
  });
}
