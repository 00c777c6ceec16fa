/**
 * Runs inside the utility process, so SQLite work never blocks the window. It must not import
 * electron (a utility process cannot), and its tests run it under plain Node.
 */
import type { Logger } from 'pino';
import type { ServeConfig } from '../server/config';
import type { RunningServer, startServer } from '../server/start';
import { decodeKeys, staticKeyProvider } from '../db/pii';
import { requireLaunchToken } from './launch-token';

export interface StartRequest {
  cfg: ServeConfig;
  staticDir: string;
  token: string;
  logFile: string;
  /** PII keys unwrapped by the main process (safeStorage is not available in a utility process). */
  piiKeys?: { hmac: string; enc: string };
}
export type ToServer = ({ type: 'start' } & StartRequest) | { type: 'stop' };
export type FromServer =
  { type: 'ready'; url: string } | { type: 'failed'; message: string } | { type: 'stopped' };

/** The shape of Electron's `process.parentPort` that this file needs. */
export interface ParentPortLike {
  on(event: 'message', fn: (e: { data: unknown }) => void): unknown;
  postMessage(message: FromServer): void;
}

export interface ServerProcessDeps {
  start: typeof startServer;
  openLog: (file: string, level: string) => Logger;
  exit: (code: number) => void;
}

/**
 * startServer's close() stops accepting, lets in-flight requests finish, then checkpoints and
 * closes the database. But a keep-alive socket that was busy when close began stays open after
 * its response, and Chromium keeps such sockets for minutes, so close() would wait for them:
 * sweep sockets as soon as they go idle.
 */
export async function closeDraining(server: RunningServer): Promise<void> {
  const sweep = setInterval(() => server.app.server.closeIdleConnections(), 25);
  try {
    await server.close();
  } finally {
    clearInterval(sweep);
  }
}

export function serveOverPort(port: ParentPortLike, deps: ServerProcessDeps): void {
  let running: Promise<RunningServer | null> = Promise.resolve(null);
  let log: Logger | null = null;

  port.on('message', ({ data }) => {
    const msg = data as ToServer;
    if (msg.type === 'start') {
      const l = (log = deps.openLog(msg.logFile, msg.cfg.logLevel));
      const keys = msg.piiKeys ? { keyProvider: staticKeyProvider(decodeKeys(msg.piiKeys)) } : {};
      running = deps.start(msg.cfg, { staticDir: msg.staticDir, log: l, ...keys }).then(
        (server) => {
          requireLaunchToken(server.app.server, msg.token);
          port.postMessage({ type: 'ready', url: server.url });
          return server;
        },
        (err: unknown) => {
          l.fatal({ err }, 'could not start the branch server');
          port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
          deps.exit(1);
          return null;
        },
      );
    } else if (msg.type === 'stop') {
      // A stop that arrives while starting waits for the start, so the database is never left open.
      void running
        .then(async (server) => {
          if (server) await closeDraining(server);
          port.postMessage({ type: 'stopped' });
          deps.exit(0);
        })
        .catch((err: unknown) => {
          log?.error({ err }, 'server did not close cleanly');
          deps.exit(1);
        });
    }
  });
}
