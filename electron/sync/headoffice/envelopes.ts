import { formatHlc } from '@shared/sync/hlc';
import type { SyncEnvelope, SyncEventKind } from '@shared/sync/envelope';
import type { BulkSnapshot } from '../../db/repos/headoffice-bulk';
import type { HoJournalRow } from '../../db/repos/headoffice-sync';

export interface EnvelopeContext {
  branchCode: string;
  deviceId: string;
}

const DEVICE = /^[A-Za-z0-9_.-]{1,64}$/;

function kindOf(row: HoJournalRow, payload: Record<string, unknown>): SyncEventKind {
  switch (row.source) {
    case 'ticket_events':
      return 'ticket_event';
    case 'suggestion_outcomes':
      return 'suggestion_outcome';
    case 'follow_ups':
      return row.op === 'update' && (payload.status === 'done' || payload.status === 'cancelled')
        ? 'follow_up_done'
        : 'follow_up';
    case 'complaints':
      return row.op === 'update' && payload.status === 'resolved' ? 'complaint_resolved' : 'complaint';
    case 'feedback_ratings':
      return 'feedback_rating';
    case 'consent_events':
      return 'consent';
    case 'contacts':
      return 'contact';
    case 'customer_marks':
      return 'marks';
    case 'customer_owners':
      return 'owner';
    case 'aum_snapshots':
      return 'balance_snapshot';
    case 'staff':
      return 'staff';
    case 'prospects':
    case 'prospect_consents':
      return 'prospect';
    default:
      return 'audit';
  }
}

function entityOf(row: HoJournalRow, payload: Record<string, unknown>): string {
  if (row.source === 'ticket_events' && typeof payload.ticketId === 'string') return payload.ticketId;
  if (row.source === 'audit_log' && typeof payload.targetId === 'string' && payload.targetId) {
    return payload.targetId.slice(0, 64);
  }
  return row.row_id;
}

/**
 * A journal row as a replication envelope. The id is the row's own (UUIDv7) for the row's creation
 * and `<row id>:<journal seq>` for a later change, so a re-push sends the same ids. A ticket
 * event keeps the HLC stamp it was made with; other rows get a stamp from their time and their
 * place in the journal (the same rule as migration 0005's backfill), ordered like an HLC.
 */
export function journalEnvelope(row: HoJournalRow, ctx: EnvelopeContext): SyncEnvelope {
  return envelopeOf(row, JSON.parse(row.payload) as Record<string, unknown>, ctx);
}

/**
 * One snapshot of a bulk-journalled import (migration 0031) as the envelope its own journal row would have made for a
 * change: kind `balance_snapshot`, entity `<customer id>:<date>`, id `<entity>:<bulk row's seq>` (the same on a
 * re-push, and never an earlier snapshot's id), stamped with the bulk row's time, so the head office keeps it over
 * any older version of the same snapshot.
 */
export function bulkSnapshotEnvelope(
  bulk: HoJournalRow,
  s: BulkSnapshot,
  ctx: EnvelopeContext,
): SyncEnvelope {
  const row: HoJournalRow = {
    ...bulk,
    source: 'aum_snapshots',
    row_id: `${s.customerId}:${s.asOf}`,
    op: 'update',
    device_id: null,
    hlc: null,
  };
  const payload = {
    op: 'update',
    customerId: s.customerId,
    customerNo: s.customerNo,
    asOf: s.asOf,
    tier: s.tier,
    aumFen: s.aumFen,
  };
  return envelopeOf(row, payload, ctx);
}

function envelopeOf(row: HoJournalRow, payload: Record<string, unknown>, ctx: EnvelopeContext): SyncEnvelope {
  const deviceId = row.device_id && DEVICE.test(row.device_id) ? row.device_id : ctx.deviceId;
  const hlc = row.hlc ?? formatHlc({ wall: Math.max(0, row.at), counter: row.seq % 0x10000, node: deviceId });
  return {
    id: row.op === 'insert' ? row.row_id : `${row.row_id}:${row.seq}`,
    deviceId,
    branchCode: ctx.branchCode,
    hlc,
    kind: kindOf(row, payload),
    entityId: entityOf(row, payload),
    payload: { source: row.source, ...payload },
  };
}
