import { utilityProcess } from 'electron';
import type { FromServer, StartRequest } from './server-process';

export interface ServerHandle {
  url: string;
  /** Asks the server process to close (drain, checkpoint, close the DB) and waits for it to exit. */
  stop(): Promise<void>;
  /** Called if the server process dies on its own (a crash), never after stop(). */
  onCrash(fn: (code: number) => void): void;
}

export const START_TIMEOUT_MS = 60_000; // migrations of a big branch database on a slow counter PC
export const STOP_TIMEOUT_MS = 10_000;

export function startServerProcess(
  entry: string,
  request: StartRequest,
  timeouts = { start: START_TIMEOUT_MS, stop: STOP_TIMEOUT_MS },
): Promise<ServerHandle> {
  const child = utilityProcess.fork(entry, [], { serviceName: 'branch-server', stdio: 'inherit' });
  let stopping = false;
  let crash: (code: number) => void = () => {};

  const stop = () =>
    new Promise<void>((resolve, reject) => {
      stopping = true;
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`server did not stop within ${timeouts.stop} ms; killed`));
      }, timeouts.stop);
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`server process exited with code ${code} while stopping`));
      });
      child.postMessage({ type: 'stop' });
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start within ${timeouts.start} ms`));
    }, timeouts.start);
    child.on('message', (m: FromServer) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({ url: m.url, stop, onCrash: (fn) => (crash = fn) });
      } else if (m.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(m.message));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with code ${code} before it was ready`));
      if (!stopping) crash(code);
    });
    child.postMessage({ type: 'start', ...request });
  });
}

/** The text of the "cannot start" box: the cause, the usual fix when it is a known one, the logs. */
export function startupErrorText(err: unknown, logDir: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const hint = /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)
    ? '\n\nbetter-sqlite3 is built for Node, not for Electron: run `npx tsx electron/cli/build.ts --electron --native`.'
    : '';
  return `${message}${hint}\n\n日志 Logs: ${logDir}`;
}
