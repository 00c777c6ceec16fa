import type { Logger } from 'pino';

export interface ShutdownSteps {
  /** Windows first: no screen can start a new request while the server drains. */
  closeWindows(): void;
  /**
   * The server process then closes in this order (startServer's close()): stop accepting
   * connections, let in-flight requests (and so their SQLite writes) finish, checkpoint the
   * WAL into the database file, close the database.
   */
  stopServer(): Promise<void>;
  /** Last, so that a failure in the steps above is in the log file. */
  closeLog(): void;
  exit(code: number): void;
}

/**
 * Call begin() from 'before-quit' (after preventDefault). A second quit while shutting down
 * joins the first, and exit() is reached even when the server does not stop cleanly.
 */
export function createShutdown(steps: ShutdownSteps, log: Pick<Logger, 'info' | 'error'>) {
  let running: Promise<void> | null = null;
  const run = async () => {
    let code = 0;
    log.info('shutting down');
    try {
      steps.closeWindows();
      await steps.stopServer();
      log.info('server stopped; database checkpointed and closed');
    } catch (err) {
      code = 1;
      log.error({ err }, 'shutdown did not finish cleanly');
    }
    steps.closeLog();
    steps.exit(code);
  };
  return {
    get started(): boolean {
      return running !== null;
    },
    begin(): Promise<void> {
      // Assigned before run() starts: closing the last window inside run() asks to quit again,
      // and that call must join this shutdown, not start a second one.
      running ??= Promise.resolve().then(run);
      return running;
    },
  };
}
