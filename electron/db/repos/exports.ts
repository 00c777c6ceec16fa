/**
 * The SQL of the branch manager's exports: visits (tickets), suggestion outcomes, follow-ups and
 * complaints, a page at a time in time order (keyset paging: no cursor stays open between pages,
 * so the server keeps answering while a large export streams).
 */
import type { ExportDataset } from '@shared/api/imports';
import type { Store } from '../connection';
import { ratingsPage, type RatingExportRow } from './export-ratings';

export { EXPORT_DATASETS, type ExportDataset } from '@shared/api/imports';
export type { RatingExportRow };

export interface ExportCursor {
  at: number;
  id: string;
}

export interface VisitExportRow {
  id: string;
  branch_day: string;
  display_no: string;
  queue: string;
  channel: string;
  status: string;
  services: string;
  services_done: string;
  arrived_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter_name: string | null;
  customer_no: string | null;
  customer_kind: string | null;
  customer_name: string | null;
  id_masked: string | null;
  phone_masked: string | null;
  tier: string | null;
}

export interface OutcomeExportRow {
  id: string;
  at: number;
  customer_no: string | null;
  customer_kind: string | null;
  customer_name: string | null;
  product_code: string;
  product_name: string | null;
  outcome: string;
  reason: string | null;
  note: string | null;
  staff_name: string | null;
  display_no: string | null;
}

export interface FollowUpExportRow {
  id: string;
  created_at: number;
  customer_no: string | null;
  customer_kind: string | null;
  customer_name: string | null;
  product_code: string | null;
  product_name: string | null;
  kind: string;
  assignee_name: string | null;
  due_at: number;
  status: string;
  note: string | null;
  done_at: number | null;
}

export interface ComplaintExportRow {
  id: string;
  created_at: number;
  customer_no: string | null;
  customer_kind: string | null;
  customer_name: string | null;
  category: string;
  description: string;
  status: string;
  deadline_at: number;
  resolution: string | null;
  resolved_at: number | null;
  created_by_name: string | null;
  resolved_by_name: string | null;
}

export type ExportRow =
  VisitExportRow | OutcomeExportRow | FollowUpExportRow | ComplaintExportRow | RatingExportRow;

export class ExportRepo {
  constructor(private readonly store: Store) {}

  /** Rows with time in [from, to), after `cursor`, at most `limit`, in (time, id) order. */
  page(
    dataset: ExportDataset,
    from: number,
    to: number,
    cursor: ExportCursor | null,
    limit: number,
  ): ExportRow[] {
    const k = this.store.k;
    const after = cursor ?? { at: from - 1, id: '' };
    switch (dataset) {
      case 'ratings':
        return ratingsPage(this.store, from, to, after, limit);
      case 'visits':
        return this.store.all(
          k
            .selectFrom('tickets as t')
            .leftJoin('customers as c', 'c.id', 't.customer_id')
            .leftJoin('counters as k', 'k.id', 't.counter_id')
            .select([
              't.id',
              't.branch_day',
              't.display_no',
              't.queue',
              't.channel',
              't.status',
              't.services',
              't.services_done',
              't.arrived_at',
              't.called_at',
              't.started_at',
              't.finished_at',
              'k.name as counter_name',
              'c.customer_no',
              'c.kind as customer_kind',
              'c.name as customer_name',
              'c.id_masked',
              'c.phone_masked',
              'c.tier',
            ])
            .where('t.arrived_at', '>=', from)
            .where('t.arrived_at', '<', to)
            .where((eb) =>
              eb.or([
                eb('t.arrived_at', '>', after.at),
                eb.and([eb('t.arrived_at', '=', after.at), eb('t.id', '>', after.id)]),
              ]),
            )
            .orderBy('t.arrived_at')
            .orderBy('t.id')
            .limit(limit),
        );
      case 'outcomes':
        return this.store.all(
          k
            .selectFrom('suggestion_outcomes as o')
            .leftJoin('customers as c', 'c.id', 'o.customer_id')
            .leftJoin('products as p', 'p.code', 'o.product_code')
            .leftJoin('staff as s', 's.id', 'o.staff_id')
            .leftJoin('tickets as t', 't.id', 'o.ticket_id')
            .select([
              'o.id',
              'o.at',
              'c.customer_no',
              'c.kind as customer_kind',
              'c.name as customer_name',
              'o.product_code',
              'p.name_zh as product_name',
              'o.outcome',
              'o.reason',
              'o.note',
              's.display_name as staff_name',
              't.display_no',
            ])
            .where('o.at', '>=', from)
            .where('o.at', '<', to)
            // Outcomes as they stand: an undone key press and its compensating row are both left out.
            .where('o.undoes_id', 'is', null)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
                ),
              ),
            )
            .where((eb) =>
              eb.or([
                eb('o.at', '>', after.at),
                eb.and([eb('o.at', '=', after.at), eb('o.id', '>', after.id)]),
              ]),
            )
            .orderBy('o.at')
            .orderBy('o.id')
            .limit(limit),
        );
      case 'followups':
        return this.store.all(
          k
            .selectFrom('follow_ups as f')
            .leftJoin('customers as c', 'c.id', 'f.customer_id')
            .leftJoin('products as p', 'p.code', 'f.product_code')
            .leftJoin('staff as a', 'a.id', 'f.assignee_id')
            .select([
              'f.id',
              'f.created_at',
              'c.customer_no',
              'c.kind as customer_kind',
              'c.name as customer_name',
              'f.product_code',
              'p.name_zh as product_name',
              'f.kind',
              'a.display_name as assignee_name',
              'f.due_at',
              'f.status',
              'f.note',
              'f.done_at',
            ])
            .where('f.created_at', '>=', from)
            .where('f.created_at', '<', to)
            .where((eb) =>
              eb.or([
                eb('f.created_at', '>', after.at),
                eb.and([eb('f.created_at', '=', after.at), eb('f.id', '>', after.id)]),
              ]),
            )
            .orderBy('f.created_at')
            .orderBy('f.id')
            .limit(limit),
        );
      case 'complaints':
        return this.store.all(
          k
            .selectFrom('complaints as p')
            .leftJoin('customers as c', 'c.id', 'p.customer_id')
            .leftJoin('staff as s', 's.id', 'p.created_by')
            .leftJoin('staff as r', 'r.id', 'p.resolved_by')
            .select([
              'p.id',
              'p.created_at',
              'c.customer_no',
              'c.kind as customer_kind',
              'c.name as customer_name',
              'p.category',
              'p.description',
              'p.status',
              'p.deadline_at',
              'p.resolution',
              'p.resolved_at',
              's.display_name as created_by_name',
              'r.display_name as resolved_by_name',
            ])
            .where('p.created_at', '>=', from)
            .where('p.created_at', '<', to)
            .where((eb) =>
              eb.or([
                eb('p.created_at', '>', after.at),
                eb.and([eb('p.created_at', '=', after.at), eb('p.id', '>', after.id)]),
              ]),
            )
            .orderBy('p.created_at')
            .orderBy('p.id')
            .limit(limit),
        );
    }
  }
}

/** The time a row is ordered by, for the next page's cursor. */
export function rowTime(dataset: ExportDataset, r: ExportRow): number {
  switch (dataset) {
    case 'visits':
      return (r as VisitExportRow).arrived_at;
    case 'outcomes':
      return (r as OutcomeExportRow).at;
    case 'followups':
      return (r as FollowUpExportRow).created_at;
    case 'complaints':
      return (r as ComplaintExportRow).created_at;
    case 'ratings':
      return (r as RatingExportRow).at;
  }
}
