import { createServer, Socket, type Server } from 'node:net';

/**
 * A TCP proxy on loopback between a terminal and its hub: `cut()` drops every connection and refuses new ones
 * (a pulled LAN cable), `heal()` lets them through again; `flaky` drops or delays connections at random.
 */
export interface LinkProxy {
  url: string;
  port: number;
  cut: () => void;
  /** A hub that takes connections and never answers (a hung hub PC, a black-holed route). */
  stall: () => void;
  heal: () => void;
  flaky: (opts: { dropRate: number; maxDelayMs: number; rand: () => number } | null) => void;
  close: () => Promise<void>;
  /** Connections refused or cut by chaos or a cut link. */
  dropped: () => number;
}

export async function startProxy(target: { host: string; port: number }): Promise<LinkProxy> {
  let down = false;
  let stalled = false;
  let chaos: { dropRate: number; maxDelayMs: number; rand: () => number } | null = null;
  const open = new Set<Socket>();
  let dropped = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (down || (chaos && chaos.rand() < chaos.dropRate)) {
      dropped++;
      client.destroy();
      return;
    }
    if (stalled) return; // held open, never forwarded
    const connect = () => {
      const upstream = new Socket();
      open.add(upstream);
      upstream.on('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.connect(target.port, target.host, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
      // Some connections die mid-flight: a request may reach the hub while its answer never comes back.
      if (chaos && chaos.rand() < chaos.dropRate) {
        setTimeout(
          () => {
            dropped++;
            upstream.destroy();
            client.destroy();
          },
          Math.floor(chaos.rand() * chaos.maxDelayMs),
        );
      }
    };
    const delay = chaos ? Math.floor(chaos.rand() * chaos.maxDelayMs) : 0;
    if (delay > 0) setTimeout(connect, delay);
    else connect();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const dropAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut: () => {
      down = true;
      dropAll();
    },
    stall: () => {
      stalled = true;
      dropAll();
    },
    heal: () => {
      down = false;
      stalled = false;
    },
    flaky: (o) => {
      chaos = o;
      dropAll();
      if (timer) clearInterval(timer);
      timer = null;
      // Kept-alive connections are cut at random too, so every request is exposed, not only new connections.
      if (o) {
        timer = setInterval(
          () => {
            for (const sock of open) {
              if (o.rand() < o.dropRate / 4) {
                dropped++;
                sock.destroy();
              }
            }
          },
          Math.max(5, o.maxDelayMs / 4),
        );
      }
    },
    dropped: () => dropped,
    close: async () => {
      if (timer) clearInterval(timer);
      dropAll();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
