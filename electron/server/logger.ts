import pino, { type Logger } from 'pino';
import { scrubLogLine, scrubUrl } from './log-scrub';

/**
 * Every log line passes through scrubLogLine: no unmasked ID, phone or card number reaches a log,
 * and pino's `time` stays a number. Request URLs lose their secrets (display tokens) as well.
 */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      hooks: {
        streamWrite: (line: string) => scrubLogLine(line),
      },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: scrubUrl(req.url) }),
      },
    },
    opts.destination ?? pino.destination(1),
  );
}
