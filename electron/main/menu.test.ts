import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const showMessageBox = vi.fn(async (_o: Electron.MessageBoxOptions) => ({
  response: 0,
  checkboxChecked: false,
}));
vi.mock('electron', () => ({
  dialog: { showMessageBox: (o: Electron.MessageBoxOptions) => showMessageBox(o) },
}));

const { askLobbyDisplay, askPrinter, chooseFromList, menuTemplate } = await import('./menu');

const deps = () => ({
  version: '0.1.0',
  dataDir: '/home/u/.config/网点分流/data',
  logDir: '/home/u/.config/网点分流/logs',
  openAtLogin: true,
  isPackaged: true,
  setOpenAtLogin: vi.fn(),
  choosePrinter: vi.fn(),
  chooseLobbyDisplay: vi.fn(),
  changeRole: vi.fn(),
});

function items(t: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return t.flatMap((m) => [m, ...items((m.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
}
const byLabel = (t: MenuItemConstructorOptions[], part: string) =>
  items(t).find((i) => i.label?.includes(part));
const click = (i: MenuItemConstructorOptions | undefined, checked = false) =>
  i?.click?.({ checked } as MenuItem, undefined, {} as KeyboardEvent);

beforeEach(() => showMessageBox.mockClear());

describe('menuTemplate', () => {
  it('has About, Reload and Toggle full screen', () => {
    const t = menuTemplate(deps());
    expect(byLabel(t, 'About')).toBeDefined();
    expect(byLabel(t, 'Reload')?.role).toBe('reload');
    expect(byLabel(t, 'Toggle full screen')?.role).toBe('togglefullscreen');
  });

  it('About shows the version and where the data and logs are', () => {
    click(byLabel(menuTemplate(deps()), 'About'));
    const detail = showMessageBox.mock.calls[0]?.[0].detail ?? '';
    expect(detail).toContain('0.1.0');
    expect(detail).toContain('/home/u/.config/网点分流/data');
    expect(detail).toContain('/home/u/.config/网点分流/logs');
  });

  it('the start-at-login checkbox shows and sets the option', () => {
    const d = deps();
    const item = byLabel(menuTemplate(d), 'Start at login');
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    click(item, false);
    expect(d.setOpenAtLogin).toHaveBeenCalledWith(false);
  });

  it('wires printer, lobby display and role choices', () => {
    const d = deps();
    const t = menuTemplate(d);
    click(byLabel(t, 'Ticket printer'));
    click(byLabel(t, 'Lobby display'));
    click(byLabel(t, 'Change role'));
    expect([d.choosePrinter, d.chooseLobbyDisplay, d.changeRole].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
  });

  it('offers developer tools only when not packaged', () => {
    expect(items(menuTemplate(deps())).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(
      items(menuTemplate({ ...deps(), isPackaged: false })).some((i) => i.role === 'toggleDevTools'),
    ).toBe(true);
  });
});

describe('chooseFromList', () => {
  const choices = [
    { label: '每次询问 Always ask', value: null },
    { label: 'POS-80', value: 'POS-80' },
  ];
  it('returns the value of the pressed button', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await chooseFromList('打印机', choices)).toBe('POS-80');
    expect(showMessageBox.mock.calls[0]?.[0]).toMatchObject({
      buttons: ['每次询问 Always ask', 'POS-80', '取消 Cancel'],
      cancelId: 2,
    });
  });
  it('returns undefined on Cancel, and null is a real choice', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    expect(await chooseFromList('打印机', choices)).toBeUndefined();
    showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await chooseFromList('打印机', choices)).toBeNull();
  });
});

describe('askPrinter / askLobbyDisplay', () => {
  it('offer "always ask" / "automatic" first, then the printers and monitors', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await askPrinter([{ name: 'POS_80', displayName: 'POS-80 热敏' }])).toBe('POS_80');
    expect(showMessageBox.mock.calls[0]?.[0].buttons).toEqual([
      '每次询问 · Always ask',
      'POS-80 热敏',
      '取消 Cancel',
    ]);
    showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await askLobbyDisplay([{ id: 7, label: 'TV', size: { width: 1920, height: 1080 } }])).toBe(7);
    expect(showMessageBox.mock.calls[1]?.[0].buttons?.[1]).toBe('TV 1920×1080');
  });
});
