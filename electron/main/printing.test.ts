import type { WebContentsPrintOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];
class FakeWindow {
  loadURL = vi.fn(async (_url: string) => undefined);
  destroy = vi.fn();
  isDestroyed = () => false;
  webContents = {
    executeJavaScript: vi.fn(async (_code: string) => true),
    print: vi.fn((_o: WebContentsPrintOptions, cb: (ok: boolean, reason: string) => void) => cb(true, '')),
  };
  constructor(readonly options: unknown) {
    created.push(this);
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { openTicketPage, printSilentlyOrAsk, printTicket } = await import('./printing');

const log = { warn: vi.fn() };
const printers = [{ name: 'POS-80' }, { name: 'Office A4' }];

function page(results: { success: boolean; failureReason: string }[]) {
  const calls: WebContentsPrintOptions[] = [];
  return {
    calls,
    print: vi.fn(async (o: WebContentsPrintOptions) => {
      calls.push(o);
      return results.shift() ?? { success: false, failureReason: 'failed' };
    }),
  };
}

beforeEach(() => {
  created.length = 0;
  log.warn.mockClear();
});

describe('printSilentlyOrAsk', () => {
  it('prints silently to the configured printer', async () => {
    const p = page([{ success: true, failureReason: '' }]);
    expect(await printSilentlyOrAsk(p, printers, 'POS-80', log)).toEqual({ outcome: 'printed' });
    expect(p.calls).toEqual([expect.objectContaining({ silent: true, deviceName: 'POS-80' })]);
  });

  it('falls back to the dialog when the silent job fails', async () => {
    const p = page([
      { success: false, failureReason: 'failed' },
      { success: true, failureReason: '' },
    ]);
    expect(await printSilentlyOrAsk(p, printers, 'POS-80', log)).toEqual({ outcome: 'dialog' });
    expect(p.calls.map((c) => c.silent)).toEqual([true, false]);
    expect(log.warn).toHaveBeenCalled();
  });

  it('asks with the dialog when the configured printer is gone or none is set', async () => {
    for (const configured of ['Unplugged', null]) {
      const p = page([{ success: true, failureReason: '' }]);
      expect(await printSilentlyOrAsk(p, printers, configured, log)).toEqual({ outcome: 'dialog' });
      expect(p.calls).toEqual([expect.objectContaining({ silent: false })]);
      expect(p.calls[0]?.deviceName).toBeUndefined();
    }
  });

  it('reports a cancelled dialog apart from a failure', async () => {
    expect(
      await printSilentlyOrAsk(page([{ success: false, failureReason: 'cancelled' }]), [], null, log),
    ).toEqual({
      outcome: 'cancelled',
    });
    expect(
      await printSilentlyOrAsk(page([{ success: false, failureReason: 'failed' }]), [], null, log),
    ).toEqual({
      outcome: 'failed',
      reason: 'failed',
    });
  });
});

describe('printTicket', () => {
  it('opens the no-auto-print ticket page, prints it and always closes it', async () => {
    const close = vi.fn();
    const open = vi.fn(async () => ({
      ready: async () => true,
      print: async () => ({ success: true, failureReason: '' }),
      close,
    }));
    const r = await printTicket({
      origin: 'http://127.0.0.1:5000',
      ticketId: '0190a/..',
      printer: 'POS-80',
      open,
      printers: async () => printers,
      log,
    });
    expect(r).toEqual({ outcome: 'printed' });
    // The id is encoded: it can never climb out of /ticket/.
    expect(open).toHaveBeenCalledWith('http://127.0.0.1:5000/ticket/0190a%2F../print?noprint=1');
    expect(close).toHaveBeenCalled();
  });

  it('does not print an error page', async () => {
    const print = vi.fn();
    const close = vi.fn();
    const r = await printTicket({
      origin: 'http://127.0.0.1:5000',
      ticketId: 'missing',
      printer: null,
      open: async () => ({ ready: async () => false, print, close }),
      printers: async () => printers,
      log,
    });
    expect(r.outcome).toBe('failed');
    expect(print).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalled();
  });
});

describe('openTicketPage (Electron adapter)', () => {
  it('loads the page in a hidden, sandboxed window and destroys it on close', async () => {
    const p = await openTicketPage('http://127.0.0.1:5000/ticket/1/print?noprint=1');
    const win = created[0];
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    expect(win?.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5000/ticket/1/print?noprint=1');
    expect(await p.ready()).toBe(true);
    expect(await p.print({ silent: true })).toEqual({ success: true, failureReason: '' });
    p.close();
    expect(win?.destroy).toHaveBeenCalled();
  });
});
