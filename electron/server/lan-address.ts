import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The addresses a TV or tablet on the branch LAN can reach this hub at: the PC's IPv4 addresses other than
 * loopback and link-local (169.254.*, which only exists when DHCP failed). IPv6 is left out: a TV's browser is
 * typed or scanned an address, and an IPv4 one is what the branch network hands out.
 */
export function lanAddresses(ifaces: Interfaces = networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(ifaces)) {
    for (const i of list ?? []) {
      if (i.family !== 'IPv4' || i.internal || i.address.startsWith('169.254.')) continue;
      if (!out.includes(i.address)) out.push(i.address);
    }
  }
  return out;
}

/** The display's address on each of the hub's LAN addresses (none when the hub serves only this PC). */
export function lanUrls(
  lan: boolean,
  port: number,
  path: string,
  addresses: () => string[] = lanAddresses,
): string[] {
  if (!lan) return [];
  return addresses().map((a) => `http://${a}:${port}${path}`);
}
