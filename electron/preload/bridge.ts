/**
 * The whole contract between the page and the main process: channel names, and what
 * `window.branchDesk` offers. Types only plus constants, so main, preload and the renderer can
 * all import it without pulling in Electron.
 */
export const CHANNELS = {
  printTicket: 'branch-desk:print-ticket',
  listPrinters: 'branch-desk:list-printers',
  setTicketPrinter: 'branch-desk:set-ticket-printer',
  displayInfo: 'branch-desk:display-info',
  appVersion: 'branch-desk:app-version',
} as const;

export type PrintOutcome = 'printed' | 'dialog' | 'cancelled' | 'failed';
export interface PrintResult {
  outcome: PrintOutcome;
  reason?: string;
}

export interface PrinterChoice {
  name: string;
  displayName: string;
  selected: boolean;
}

export interface DisplayInfo {
  role: 'hub' | 'terminal' | 'display';
  displays: { id: number; label: string; primary: boolean; width: number; height: number }[];
  /** The monitor the lobby display is open on now, or null. */
  lobbyDisplayId: number | null;
}

/** `window.branchDesk` in Electron; absent in a browser, which is how the page tells the two apart. */
export interface BranchDeskBridge {
  /** Silent to the chosen ticket printer, else the print dialog. */
  printTicket(ticketId: string): Promise<PrintResult>;
  listPrinters(): Promise<PrinterChoice[]>;
  /** null: always ask with the print dialog. */
  setTicketPrinter(name: string | null): Promise<void>;
  displayInfo(): Promise<DisplayInfo>;
  appVersion(): Promise<string>;
}
