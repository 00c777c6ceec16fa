import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type BranchDeskBridge } from './bridge';

/**
 * Only these named functions cross into the page, each a single invoke whose arguments main
 * validates again. Never ipcRenderer itself, and nothing else: data goes through the HTTP API.
 */
const bridge: BranchDeskBridge = {
  printTicket: (ticketId) => ipcRenderer.invoke(CHANNELS.printTicket, ticketId),
  listPrinters: () => ipcRenderer.invoke(CHANNELS.listPrinters),
  setTicketPrinter: (name) => ipcRenderer.invoke(CHANNELS.setTicketPrinter, name),
  displayInfo: () => ipcRenderer.invoke(CHANNELS.displayInfo),
  appVersion: () => ipcRenderer.invoke(CHANNELS.appVersion),
};

contextBridge.exposeInMainWorld('branchDesk', bridge);
