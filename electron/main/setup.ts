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

/** What the page echoes back after an error (never the password). */
export interface SetupValues {
  role?: string;
  hubUrl?: string;
  user?: string;
}

export function setupPageUrl(values: SetupValues, error?: string): string {
  const radio = (role: string, label: string) =>
    `<label><input type="radio" name="role" value="${role}" required${values.role === role ? ' checked' : ''}> ${label}</label>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action ${SETUP_ACTION}">
<title>网点分流 · 首次设置 Setup</title>
<style>body{font:15px system-ui,'Microsoft YaHei',sans-serif;margin:24px}label{display:block;margin:10px 0}
input[type=url],input[type=text],input[type=password]{width:100%;padding:6px;box-sizing:border-box}.err{color:#b00020}
button{padding:8px 24px}fieldset{border:1px solid #ccc;margin:12px 0}.note{color:#555;font-size:13px}</style></head>
<body><h2>这台电脑的用途 · What is this PC?</h2>
${error ? `<p class="err">${esc(error)}</p>` : ''}
<form method="get" action="${SETUP_ACTION}">
${radio('hub', '网点主机（数据保存在本机）· Branch hub (keeps the data)')}
${radio('terminal', '柜台终端（连接主机）· Counter terminal (connects to the hub)')}
${radio('display', '仅大堂显示屏 · Lobby display only')}
<label>主机地址（终端和显示屏需要）· Hub address (terminal and display)
<input type="url" name="hub" placeholder="http://192.168.1.10:5780" value="${esc(values.hubUrl ?? '')}"></label>
<fieldset><legend>柜台终端登记 · Terminal enrollment</legend>
<p class="note">首次使用、更换主机地址或主机提示需重新登记时填写；只用于向主机登记本终端，不保存。<br>
First use, a new hub address, or when the hub asks for it; used once to enroll this terminal, never stored.</p>
<label>网点经理或管理员账号 · Manager or admin username
<input type="text" name="user" autocomplete="off" value="${esc(values.user ?? '')}"></label>
<label>密码 · Password <input type="password" name="password" autocomplete="off"></label></fieldset>
<button type="submit">确定 OK</button></form></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** A manager's or admin's login, to enroll a terminal at its hub this once (passed to the server, not kept). */
export interface EnrollLogin {
  user: string;
  password: string;
}

/** The environment that makes the server enroll (again) with this login: for this launch only, never saved. */
export function enrollEnv(enroll: EnrollLogin | null): Record<string, string> {
  return enroll ? { HUB_USER: enroll.user, HUB_PASSWORD: enroll.password, HUB_REENROLL: '1' } : {};
}

export interface SetupChoice {
  config: DesktopConfig;
  enroll: EnrollLogin | null;
}

export type SetupResult =
  ({ ok: true } & SetupChoice) | { ok: false; error: string; values: Required<SetupValues> };

/** null: not a setup submission (any other navigation, which stays blocked). */
export function parseSetupSubmission(url: string): SetupResult | null {
  if (!url.startsWith(`${SETUP_ACTION}?`)) return null;
  const q = new URL(url).searchParams;
  const role = q.get('role') ?? '';
  const hubUrl = (q.get('hub') ?? '').trim();
  const user = (q.get('user') ?? '').trim();
  const password = q.get('password') ?? '';
  const values = { role, hubUrl, user };
  const parsed = desktopConfigSchema.safeParse({
    role,
    hubUrl: role === 'hub' || hubUrl === '' ? undefined : hubUrl,
  });
  if (!parsed.success)
    return {
      ok: false,
      error:
        '请选择用途；终端和显示屏需要主机地址，如 http://192.168.1.10:5780 · Pick a role; terminal and display need the hub address (http://…).',
      values,
    };
  // Only a terminal enrolls; the login typed for another role is dropped, not kept anywhere.
  if (parsed.data.role !== 'terminal' || (user === '' && password === ''))
    return { ok: true, config: parsed.data, enroll: null };
  if (user === '' || password === '')
    return {
      ok: false,
      error: '登记需要账号和密码两项 · Enrollment needs both the username and the password.',
      values,
    };
  return { ok: true, config: parsed.data, enroll: { user, password } };
}

/**
 * Shows the role page until a valid choice is made; null if the window is closed instead. `error` opens it with a
 * reason (a terminal that could not enroll).
 */
export function askForRole(current: SetupValues | null, error?: string): Promise<SetupChoice | null> {
  const win = new BrowserWindow(setupWindowOptions());
  return new Promise((resolve) => {
    let chosen: SetupChoice | null = null;
    win.webContents.on('will-navigate', (e, url) => {
      const r = parseSetupSubmission(url);
      if (!r) return;
      e.preventDefault();
      if (!r.ok) return void win.loadURL(setupPageUrl(r.values, r.error));
      chosen = { config: r.config, enroll: r.enroll };
      win.close();
    });
    win.on('closed', () => resolve(chosen));
    void win.loadURL(setupPageUrl(current ?? {}, error));
  });
}
