import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { CHANNELS, type DisplayInfo, type PrinterChoice, type PrintResult } from '../preload/bridge';

/** Ticket ids are UUIDs; the pattern also keeps the id from reaching outside /ticket/ in the URL. */
export const ticketIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const printerNameSchema = z.string().min(1).max(256).nullable();

export interface IpcHandlers {
  printTicket(ticketId: string): Promise<PrintResult>;
  listPrinters(): Promise<PrinterChoice[]>;
  setTicketPrinter(name: string | null): Promise<void>;
  displayInfo(): DisplayInfo;
  appVersion(): string;
}

/**
 * Every handler checks who is calling (only a page from the app's own server) and what it
 * passes (a zod tuple per channel) before doing anything: the page is treated as untrusted.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  h: IpcHandlers,
  isTrustedUrl: (url: string) => boolean,
): void {
  const on = <A extends z.ZodTuple>(channel: string, args: A, fn: (...a: z.infer<A>) => unknown) =>
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
      if (!isTrustedUrl(event.senderFrame?.url ?? '')) throw new Error(`${channel}: not from the app's page`);
      const parsed = args.safeParse(raw);
      if (!parsed.success) throw new Error(`${channel}: invalid arguments`);
      return fn(...parsed.data);
    });
  on(CHANNELS.printTicket, z.tuple([ticketIdSchema]), (id) => h.printTicket(id));
  on(CHANNELS.listPrinters, z.tuple([]), () => h.listPrinters());
  on(CHANNELS.setTicketPrinter, z.tuple([printerNameSchema]), (name) => h.setTicketPrinter(name));
  on(CHANNELS.displayInfo, z.tuple([]), () => h.displayInfo());
  on(CHANNELS.appVersion, z.tuple([]), () => h.appVersion());
}
