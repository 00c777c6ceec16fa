import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../preload/bridge';
import { registerIpc, type IpcHandlers } from './ipc';

const origin = 'http://127.0.0.1:5123';

function setup() {
  const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
  const h: IpcHandlers = {
    printTicket: vi.fn(async () => ({ outcome: 'printed' as const })),
    listPrinters: vi.fn(async () => []),
    setTicketPrinter: vi.fn(async () => undefined),
    displayInfo: vi.fn(() => ({ role: 'hub' as const, displays: [], lobbyDisplayId: null })),
    appVersion: vi.fn(() => '0.1.0'),
  };
  registerIpc(
    { handle: (ch: string, fn: (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown) => handlers.set(ch, fn) },
    h,
    (url) => url.startsWith(`${origin}/`),
  );
  const from = (url: string | null) =>
    ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
  const call = (ch: string, url: string | null, ...args: unknown[]) => handlers.get(ch)?.(from(url), ...args);
  return { handlers, h, call };
}

describe('registerIpc', () => {
  it('handles exactly the bridge channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('passes valid calls from the app page through', async () => {
    const { h, call } = setup();
    expect(
      await call(CHANNELS.printTicket, `${origin}/lobby`, '0195f3c2-7d1e-7abc-9def-0123456789ab'),
    ).toEqual({
      outcome: 'printed',
    });
    await call(CHANNELS.setTicketPrinter, `${origin}/settings`, null);
    await call(CHANNELS.setTicketPrinter, `${origin}/settings`, 'POS-80');
    expect(await call(CHANNELS.appVersion, `${origin}/`)).toBe('0.1.0');
    expect(h.setTicketPrinter).toHaveBeenNthCalledWith(1, null);
    expect(h.setTicketPrinter).toHaveBeenNthCalledWith(2, 'POS-80');
  });

  it('refuses calls from any other page, or from a frame that is gone', () => {
    const { h, call } = setup();
    expect(() => call(CHANNELS.printTicket, 'https://evil.example/', 'T1')).toThrow(/not from the app/);
    expect(() => call(CHANNELS.appVersion, null)).toThrow(/not from the app/);
    expect(h.printTicket).not.toHaveBeenCalled();
  });

  it('refuses bad arguments before any handler runs', () => {
    const { h, call } = setup();
    const page = `${origin}/lobby`;
    for (const args of [[], ['../../api/x'], ['a/b'], [42], ['x'.repeat(65)], ['T1', 'extra']]) {
      expect(() => call(CHANNELS.printTicket, page, ...args)).toThrow(/invalid arguments/);
    }
    for (const args of [[''], [7], ['x'.repeat(257)], []]) {
      expect(() => call(CHANNELS.setTicketPrinter, page, ...args)).toThrow(/invalid arguments/);
    }
    expect(() => call(CHANNELS.listPrinters, page, 'unexpected')).toThrow(/invalid arguments/);
    expect(h.printTicket).not.toHaveBeenCalled();
    expect(h.setTicketPrinter).not.toHaveBeenCalled();
    expect(h.listPrinters).not.toHaveBeenCalled();
  });
});
