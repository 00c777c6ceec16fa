import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses, lanUrls } from './lan-address';

const v4 = (address: string, internal = false) =>
  ({
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  }) as NetworkInterfaceInfo;
const v6 = (address: string) =>
  ({
    address,
    family: 'IPv6',
    internal: false,
    netmask: '',
    mac: '',
    cidr: null,
    scopeid: 0,
  }) as NetworkInterfaceInfo;

describe('the hub on the branch LAN', () => {
  it('offers its LAN IPv4 addresses, never loopback, link-local or IPv6, each once', () => {
    expect(
      lanAddresses({
        lo: [v4('127.0.0.1', true), v6('::1')],
        eth0: [v4('192.168.1.20'), v6('fe80::1')],
        wlan0: [v4('10.0.0.7'), v4('169.254.3.4')],
        bridge: [v4('192.168.1.20')],
      }),
    ).toEqual(['192.168.1.20', '10.0.0.7']);
  });

  it('gives the display one address per LAN address in LAN mode, none without it', () => {
    const addrs = () => ['192.168.1.20', '10.0.0.7'];
    expect(lanUrls(true, 5780, '/display?token=abc', addrs)).toEqual([
      'http://192.168.1.20:5780/display?token=abc',
      'http://10.0.0.7:5780/display?token=abc',
    ]);
    expect(lanUrls(false, 5780, '/display?token=abc', addrs)).toEqual([]);
  });
});
