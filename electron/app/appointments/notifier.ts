import type { Notification } from '../../db/convert/appointments';
import type { AppointmentRepo } from '../../db/repos/appointments';

/**
 * The notification sender, pluggable. A gateway adapter (an SMS provider, WeChat template messages) implements
 * `NotificationSender`:
 *
 *   - `send(message)` delivers one message and resolves when the gateway accepted it; it rejects (or times out)
 *     on failure. It gets the full phone number through `message.recipient()`, called only when sending, so the
 *     number is decrypted for that one call and never stored in the outbox, a log or an error text.
 *   - It must not write the number anywhere itself (log the masked form, `message.recipientMasked`).
 *   - It may be slow: the dispatcher runs outside every transaction, one message at a time, with a timeout, so a
 *     hanging gateway delays only notifications, never the queue.
 *
 * The demo ships `LogSender`: it writes the masked recipient and the text to a line sink (a file or the log).
 */
export interface OutgoingMessage {
  id: string;
  kind: Notification['kind'];
  recipientMasked: string | null;
  /** The full number, read at send time; null when the customer has none on file. */
  recipient: () => string | null;
  zh: string;
  en: string;
}

export interface NotificationSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Writes each notice as one JSON line (masked recipient only) — the demo's and the tests' sender. */
export class LogSender implements NotificationSender {
  readonly name = 'log';
  constructor(private readonly sink: (line: string) => void) {}
  send(m: OutgoingMessage): Promise<void> {
    this.sink(JSON.stringify({ id: m.id, kind: m.kind, to: m.recipientMasked, zh: m.zh, en: m.en }));
    return Promise.resolve();
  }
}

export interface DispatcherDeps {
  repo: Pick<AppointmentRepo, 'dueNotifications' | 'markNotification'>;
  sender: NotificationSender;
  now: () => number;
  /** The customer's full phone number, decrypted only for the send. */
  phoneOf: (customerId: string) => string | null;
  log: { warn(obj: object, msg: string): void };
  /** Work done on each tick before sending: no-show sweep, "N ahead" notices. */
  beforeSend?: () => void;
}

const MAX_ATTEMPTS = 3;
const SEND_TIMEOUT_MS = 10_000;
const BATCH = 50;

/** Sends due notifications from the outbox on a timer; failures are retried up to three times, then kept as failed. */
export class NotificationDispatcher {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly d: DispatcherDeps) {}

  /** One pass; concurrent calls share the pass in progress. Answers how many were sent. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    try {
      this.d.beforeSend?.();
    } catch (err) {
      this.d.log.warn({ err }, 'appointment sweep failed');
    }
    let sent = 0;
    for (const n of this.d.repo.dueNotifications(this.d.now(), BATCH)) {
      const message: OutgoingMessage = {
        id: n.id,
        kind: n.kind,
        recipientMasked: n.recipientMasked,
        recipient: () => (n.customerId ? this.d.phoneOf(n.customerId) : null),
        zh: n.bodyZh,
        en: n.bodyEn,
      };
      try {
        await withTimeout(this.d.sender.send(message), SEND_TIMEOUT_MS);
        this.d.repo.markNotification(n.id, 'sent', this.d.now(), null);
        sent++;
      } catch (err) {
        const error = err instanceof Error ? err.message.slice(0, 200) : 'send failed';
        this.d.repo.markNotification(
          n.id,
          n.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
          this.d.now(),
          error,
        );
        this.d.log.warn({ notification: n.id, sender: this.d.sender.name }, 'notification not sent');
      }
    }
    return sent;
  }

  start(intervalMs: number): this {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`sender timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
