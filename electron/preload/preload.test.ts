import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from './bridge';

const exposeInMainWorld = vi.fn();
const invoke = vi.fn(async (..._args: unknown[]) => 'ok');
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }));

await import('./preload');

describe('preload', () => {
  const [name, api] = (exposeInMainWorld.mock.calls[0] ?? []) as [string, Record<string, unknown>];

  it('exposes one object, window.branchDesk, with only the named functions', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('branchDesk');
    expect(Object.keys(api).sort()).toEqual(
      ['appVersion', 'displayInfo', 'listPrinters', 'printTicket', 'setTicketPrinter'].sort(),
    );
    for (const v of Object.values(api)) expect(typeof v).toBe('function');
  });

  it('each function is one invoke on its own channel, passing only its own arguments', async () => {
    const call = (fn: string, ...args: unknown[]) =>
      (api[fn] as (...a: unknown[]) => Promise<unknown>)(...args);
    await call('printTicket', 'T-1', 'extra');
    await call('listPrinters');
    await call('setTicketPrinter', null);
    await call('displayInfo');
    await call('appVersion');
    expect(invoke.mock.calls).toEqual([
      [CHANNELS.printTicket, 'T-1'],
      [CHANNELS.listPrinters],
      [CHANNELS.setTicketPrinter, null],
      [CHANNELS.displayInfo],
      [CHANNELS.appVersion],
    ]);
  });
});
