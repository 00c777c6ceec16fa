/** `npm run serve`: the branch server under plain Node, serving the built renderer and the API. */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readServeConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { startServer } from '../server/start';

const cfg = readServeConfig(process.argv.slice(2), process.env, process.cwd());
const log = createLogger({ level: cfg.logLevel });
const here = dirname(fileURLToPath(import.meta.url));
// Bundled: dist/server/serve.cjs → dist/renderer. Under tsx: electron/cli → dist/renderer.
const staticDir = here.endsWith(join('dist', 'server'))
  ? join(here, '../renderer')
  : join(here, '../../dist/renderer');

/** Settles once the server listens (or failed to start); serve-start.ts then writes the code cache. */
export const started = main();

async function main(): Promise<void> {
  try {
    const server = await startServer(cfg, { staticDir, log });
    console.log(
      `\n  网点分流 branch server (${cfg.role}) is running.\n  Open ${server.url}/  — data in ${cfg.dataDir}\n`,
    );
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      server
        .close()
        .then(() => process.exit(0))
        .catch((err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (err) {
    log.fatal({ err }, 'could not start the branch server');
    process.exitCode = 1;
  }
}
