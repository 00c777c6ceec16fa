import { z } from 'zod';
import { resolve } from 'node:path';

/** Server settings from flags (`--port 8080`) or environment (PORT=8080); flags win. */
const schema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  keyFile: z.string().min(1).optional(),
  role: z.enum(['hub', 'terminal', 'headoffice']),
  hub: z.string().url().optional(),
  demo: z.boolean(),
  demoCustomers: z.coerce.number().int().min(0).max(5_000_000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
});
export type ServeConfig = z.infer<typeof schema>;

export const DEFAULT_PORT = 5780;

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

export function readServeConfig(argv: string[], env: NodeJS.ProcessEnv, cwd: string): ServeConfig {
  const demoFlag = argv.includes('--no-demo') ? false : argv.includes('--demo') ? true : undefined;
  return schema.parse({
    port: flag(argv, 'port') ?? env.PORT ?? DEFAULT_PORT,
    host: flag(argv, 'host') ?? env.HOST ?? '127.0.0.1',
    dataDir: resolve(cwd, flag(argv, 'data') ?? env.DATA_DIR ?? 'data'),
    keyFile: flag(argv, 'key-file') ?? env.KEY_FILE,
    role: flag(argv, 'role') ?? env.ROLE ?? 'hub',
    hub: flag(argv, 'hub') ?? env.HUB_URL,
    demo: demoFlag ?? env.DEMO !== '0',
    demoCustomers: flag(argv, 'demo-customers') ?? env.DEMO_CUSTOMERS ?? 2000,
    logLevel: flag(argv, 'log-level') ?? env.LOG_LEVEL ?? 'info',
  });
}
