import { dialog, type Display, type MenuItemConstructorOptions, type PrinterInfo } from 'electron';

export interface MenuDeps {
  version: string;
  dataDir: string;
  logDir: string;
  openAtLogin: boolean;
  isPackaged: boolean;
  setOpenAtLogin(on: boolean): void;
  choosePrinter(): void;
  chooseLobbyDisplay(): void;
  changeRole(): void;
}

export function aboutDetail(d: Pick<MenuDeps, 'version' | 'dataDir' | 'logDir'>): string {
  return `版本 Version ${d.version}\n数据目录 Data: ${d.dataDir}\n日志 Logs: ${d.logDir}`;
}

export function menuTemplate(d: MenuDeps): MenuItemConstructorOptions[] {
  return [
    {
      label: '网点分流',
      submenu: [
        {
          label: '关于 About',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '网点分流',
              message: '网点分流',
              detail: aboutDetail(d),
            }),
        },
        { type: 'separator' },
        { label: '小票打印机… Ticket printer…', click: () => d.choosePrinter() },
        { label: '大堂显示屏… Lobby display…', click: () => d.chooseLobbyDisplay() },
        {
          label: '开机自动启动 Start at login',
          type: 'checkbox',
          checked: d.openAtLogin,
          click: (item) => d.setOpenAtLogin(item.checked),
        },
        { label: '更改用途… Change role…', click: () => d.changeRole() },
        { type: 'separator' },
        { label: '退出 Quit', role: 'quit' },
      ],
    },
    {
      label: '视图 View',
      submenu: [
        { label: '重新加载 Reload', role: 'reload' },
        { label: '全屏 Toggle full screen', role: 'togglefullscreen' },
        ...(d.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
  ];
}

/** A native list picker: one button per choice plus Cancel. undefined means cancelled. */
export async function chooseFromList<T>(
  title: string,
  choices: readonly { label: string; value: T }[],
): Promise<T | undefined> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title,
    message: title,
    buttons: [...choices.map((c) => c.label), '取消 Cancel'],
    cancelId: choices.length,
    noLink: true,
  });
  return choices[response]?.value;
}

/** Ticket printer from the menu; null = always show the print dialog. */
export const askPrinter = (printers: readonly Pick<PrinterInfo, 'name' | 'displayName'>[]) =>
  chooseFromList<string | null>('小票打印机 · Ticket printer', [
    { label: '每次询问 · Always ask', value: null },
    ...printers.map((p) => ({ label: p.displayName || p.name, value: p.name })),
  ]);

/** Lobby monitor from the menu; null = automatic (the first non-primary monitor). */
export const askLobbyDisplay = (displays: readonly Pick<Display, 'id' | 'label' | 'size'>[]) =>
  chooseFromList<number | null>('大堂显示屏 · Lobby display', [
    { label: '自动（第二块屏幕）· Automatic', value: null },
    ...displays.map((d) => ({ label: `${d.label || d.id} ${d.size.width}×${d.size.height}`, value: d.id })),
  ]);
