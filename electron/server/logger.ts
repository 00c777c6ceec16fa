import pino, { type Logger } from 'pino';
import { scrubPii } from '@shared/customer/mask';

/** Every log line passes through scrubPii: no unmasked ID, phone or card number reaches a log. */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      hooks: {
        streamWrite: (line: string) => scrubPii(line),
      },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: scrubPii(req.url) }),
      },
    },
    opts.destination ?? pino.destination(1),
  );
}
