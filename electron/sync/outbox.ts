import type { SyncEnvelope, SyncEventKind } from '@shared/sync/envelope';
import type { HlcClock } from '@shared/sync/hlc';
import { jsonLimitError } from '@shared/api/limits';
import type { TicketEvent } from '@shared/queue';
import type { Store } from '../db/connection';
import { newId } from '../db/ids';
import type { SyncJournalRepo } from '../db/repos/sync';

/**
 * Every write another device must see becomes an envelope in the outbox, in the SAME transaction as the write:
 * a crash either keeps both or neither. The hub's outbox is also its journal (what terminals pull and the head
 * office is pushed), so events applied from terminals are appended there too (SyncApplier).
 */
/** A row event nests `{ row: { …, detail: '{…}' } }`; a ticket event its payload one level down. */
const OUTBOX_LIMITS = { depth: 8, bytes: 256 * 1024 };

export class Outbox {
  private readonly listeners = new Set<() => void>();
  private kickScheduled = false;

  constructor(
    private readonly store: Store,
    private readonly journal: SyncJournalRepo,
    private readonly clock: HlcClock,
    private readonly deviceId: string,
    private readonly branchCode: () => string,
    private readonly now: () => number,
  ) {}

  /** Stamps and appends one event. Throws outside a transaction: the event and the change commit together. */
  record(
    kind: SyncEventKind,
    entityId: string,
    payload: Record<string, unknown>,
    id: string = newId(),
  ): SyncEnvelope {
    if (!this.store.sqlite.inTransaction) throw new Error(`outbox: ${kind} recorded outside a transaction`);
    // Callers pass schema-parsed payloads; this is the last guard before every device and the head office get it.
    const why = jsonLimitError(payload, OUTBOX_LIMITS);
    if (why) throw new Error(`outbox: ${kind} payload ${why}`);
    const env: SyncEnvelope = {
      id,
      deviceId: this.deviceId,
      branchCode: this.branchCode(),
      hlc: this.clock.now(),
      kind,
      entityId,
      payload,
    };
    const at = this.now();
    this.journal.appendOutbox(env, at);
    this.journal.markApplied(env, 'local', 'applied', null, at);
    this.scheduleKick();
    return env;
  }

  /** A ticket event keeps its own id as the envelope id, so both dedupe on the same key. Returns the stamp. */
  ticketEvent(ev: TicketEvent): string {
    return this.record('ticket_event', ev.ticketId, { ...ev }, ev.id).hlc;
  }

  /** Called (after the commit, on the next turn) whenever something new is in the outbox. */
  onAppend(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private scheduleKick(): void {
    if (this.kickScheduled || this.listeners.size === 0) return;
    this.kickScheduled = true;
    setImmediate(() => {
      this.kickScheduled = false;
      for (const fn of this.listeners) fn();
    });
  }
}
