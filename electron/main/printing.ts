import { BrowserWindow, type PrinterInfo, type WebContentsPrintOptions } from 'electron';
import type { Logger } from 'pino';
import type { PrinterChoice, PrintResult } from '../preload/bridge';
import { printWindowOptions } from './window-options';

export interface TicketPage {
  /** Resolves true once the ticket is on the page, false on an error page or after a timeout. */
  ready(): Promise<boolean>;
  print(opts: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
  close(): void;
}

/**
 * Silent to the configured printer; when there is none, it is unplugged or renamed, or the job
 * fails, the system print dialog instead, so a ticket is never lost because of settings.
 */
export async function printSilentlyOrAsk(
  page: Pick<TicketPage, 'print'>,
  printers: readonly Pick<PrinterInfo, 'name'>[],
  configured: string | null,
  log: Pick<Logger, 'warn'>,
): Promise<PrintResult> {
  if (configured && printers.some((p) => p.name === configured)) {
    const silent = await page.print({
      silent: true,
      deviceName: configured,
      printBackground: true,
      // The roll's width comes from the thermal printer's driver, not from a guess here.
      usePrinterDefaultPageSize: true,
      margins: { marginType: 'none' },
    });
    if (silent.success) return { outcome: 'printed' };
    log.warn({ printer: configured, reason: silent.failureReason }, 'silent print failed; asking');
  } else if (configured) {
    log.warn({ printer: configured }, 'configured printer not found; asking');
  }
  const asked = await page.print({ silent: false, printBackground: true });
  if (asked.success) return { outcome: 'dialog' };
  return asked.failureReason === 'cancelled'
    ? { outcome: 'cancelled' }
    : { outcome: 'failed', reason: asked.failureReason };
}

export async function printTicket(deps: {
  origin: string;
  ticketId: string;
  printer: string | null;
  open: (url: string) => Promise<TicketPage>;
  printers: () => Promise<readonly Pick<PrinterInfo, 'name'>[]>;
  log: Pick<Logger, 'warn'>;
}): Promise<PrintResult> {
  // noprint=1: the page must not call window.print() itself; main decides how to print.
  const url = `${deps.origin}/ticket/${encodeURIComponent(deps.ticketId)}/print?noprint=1`;
  const page = await deps.open(url);
  try {
    if (!(await page.ready())) return { outcome: 'failed', reason: 'ticket page did not load' };
    return await printSilentlyOrAsk(page, await deps.printers(), deps.printer, deps.log);
  } finally {
    page.close();
  }
}

export function printerChoices(printers: readonly PrinterInfo[], configured: string | null): PrinterChoice[] {
  return printers.map((p) => ({
    name: p.name,
    displayName: p.displayName || p.name,
    selected: p.name === configured,
  }));
}

const READY_SCRIPT = `new Promise((resolve) => {
  const until = Date.now() + 10000;
  const poll = () => {
    if (document.querySelector('[data-testid="ticket-slip"]')) return void document.fonts.ready.then(() => resolve(true));
    if (document.querySelector('[role="alert"]') || Date.now() > until) return resolve(false);
    setTimeout(poll, 50);
  };
  poll();
})`;

/** The ticket in a hidden window sharing the staff session, so the page can read the ticket. */
export async function openTicketPage(url: string): Promise<TicketPage> {
  const win = new BrowserWindow(printWindowOptions());
  await win.loadURL(url);
  return {
    ready: async () => (await win.webContents.executeJavaScript(READY_SCRIPT)) === true,
    print: (opts) =>
      new Promise((resolve) =>
        win.webContents.print(opts, (success, failureReason) => resolve({ success, failureReason })),
      ),
    close: () => {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
