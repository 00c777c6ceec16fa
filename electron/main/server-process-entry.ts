/** Entry of the utility process (bundled to dist/electron/server-process.cjs). */
import { createLogger } from '../server/logger';
import { startServer } from '../server/start';
import { LOG_ROTATION, rotatingFile } from './logfile';
import { serveOverPort, type ParentPortLike } from './server-process';

let log: ReturnType<typeof createLogger> | null = null;

const crashed = (err: unknown) => {
  log?.fatal({ err }, 'server process crashed');
  process.exit(1);
};
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

serveOverPort((process as NodeJS.Process & { parentPort: ParentPortLike }).parentPort, {
  start: startServer,
  openLog: (file, level) => (log = createLogger({ level, destination: rotatingFile(file, LOG_ROTATION) })),
  exit: (code) => process.exit(code),
});
