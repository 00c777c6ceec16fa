import type { SnapshotTable } from '@shared/sync/api';

/**
 * Which rows of each replicated table a terminal's snapshot (or refresh) takes: the WHERE clause and its parameters.
 * Split from sync-data.ts, which reads and writes the pages.
 */
export interface SnapshotScope {
  /** Tickets of this branch day and later come with the snapshot. */
  branchDay: string;
  /** Outcomes, follow-ups and complaints created since (epoch ms); open ones always. */
  historyFrom: number;
  /** A refresh: only master-data rows changed since (epoch ms). */
  since?: number | undefined;
}

export function snapshotFilter(
  table: SnapshotTable,
  scope: SnapshotScope,
): { where: string; params: unknown[] } {
  const since = scope.since;
  switch (table) {
    case 'customers':
    case 'staff':
    case 'counters':
    case 'products':
      return since === undefined ? { where: '1', params: [] } : { where: 'updated_at >= ?', params: [since] };
    case 'settings':
      return since === undefined ? { where: '1', params: [] } : { where: 'created_at >= ?', params: [since] };
    case 'cards':
    case 'holdings':
      return since === undefined
        ? { where: '1', params: [] }
        : { where: 'customer_id IN (SELECT id FROM customers WHERE updated_at >= ?)', params: [since] };
    case 'branch':
      return { where: '1', params: [] };
    // Today's tickets, and the earlier visits that the outcomes, follow-ups and complaints sent below point to (an
    // open complaint from last week carries its visit: without it the copy's foreign key refuses the whole snapshot).
    case 'tickets':
      return {
        where: `branch_day >= ?
          OR id IN (SELECT ticket_id FROM suggestion_outcomes WHERE at >= ?)
          OR id IN (SELECT ticket_id FROM follow_ups WHERE status = 'open' OR created_at >= ?)
          OR id IN (SELECT ticket_id FROM complaints WHERE status != 'resolved' OR created_at >= ?)`,
        params: [scope.branchDay, scope.historyFrom, scope.historyFrom, scope.historyFrom],
      };
    case 'ticket_events':
      return {
        where: 'ticket_id IN (SELECT id FROM tickets WHERE branch_day >= ?)',
        params: [scope.branchDay],
      };
    case 'suggestion_outcomes':
      return { where: 'at >= ?', params: [scope.historyFrom] };
    case 'follow_ups':
      return { where: "(status = 'open' OR created_at >= ?)", params: [scope.historyFrom] };
    case 'complaints':
      return { where: "(status != 'resolved' OR created_at >= ?)", params: [scope.historyFrom] };
    // Owners change on screen and at imports (no journal event for an import's thousands): a refresh re-reads them.
    case 'customer_owners':
      return since === undefined
        ? { where: '1', params: [] }
        : { where: 'assigned_at >= ?', params: [since] };
    case 'customer_marks':
      return since === undefined ? { where: '1', params: [] } : { where: 'updated_at >= ?', params: [since] };
    // The contact log's recent history; later contacts flow through the journal.
    case 'contacts':
      return { where: 'at >= ?', params: [scope.historyFrom] };
    // Every consent event: what stands may rest on an old one (later ones flow through the journal).
    case 'consent_events':
      return since === undefined ? { where: '1', params: [] } : { where: 'at >= ?', params: [since] };
    // Today's bookings and later ones: what a terminal may check in offline.
    case 'appointments':
      return { where: 'slot_day >= ?', params: [scope.branchDay] };
  }
}
