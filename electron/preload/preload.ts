import { contextBridge } from 'electron';

/** Only named, harmless facts cross into the page; everything else goes through the HTTP API. */
contextBridge.exposeInMainWorld('branchDesk', {
  isElectron: true,
  platform: process.platform,
});
