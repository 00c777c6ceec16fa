import type { PastOutcome } from '@shared/suggest/cooldown';
import type { Store } from '../connection';
import { outcomeFactFromRow, pastOutcomeFromRow, type OutcomeFactRow } from '../convert/learning';

/**
 * What the suggestions learn from (Step 15): the standing suggestion outcomes — neither an undo's compensating
 * row (`undoes_id`) nor a row an undo cancels — per customer and branch-wide.
 */
export class LearningRepo {
  constructor(private readonly store: Store) {}

  /** The customer's latest standing outcomes, newest first; those of `exceptTicket` (the visit under way) left out. */
  history(customerId: string, exceptTicket?: string, limit = 50): PastOutcome[] {
    let q = this.store.k
      .selectFrom('suggestion_outcomes as o')
      .select(['o.id', 'o.product_code', 'o.outcome', 'o.reason', 'o.at'])
      .where('o.customer_id', '=', customerId);
    if (exceptTicket)
      q = q.where((e) => e.or([e('o.ticket_id', 'is', null), e('o.ticket_id', '!=', exceptTicket)]));
    return this.store
      .all(
        q
          .where('o.undoes_id', 'is', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
              ),
            ),
          )
          .orderBy('o.at', 'desc')
          .limit(limit),
      )
      .map(pastOutcomeFromRow);
  }

  /** The standing outcomes of many customers at once (the settings preview), newest first, `limit` each. */
  histories(customerIds: readonly string[], limit = 50): Map<string, PastOutcome[]> {
    const out = new Map<string, PastOutcome[]>();
    for (let i = 0; i < customerIds.length; i += 500) {
      const rows = this.store.all(
        this.store.k
          .selectFrom('suggestion_outcomes as o')
          .select(['o.id', 'o.customer_id', 'o.product_code', 'o.outcome', 'o.reason', 'o.at'])
          .where('o.customer_id', 'in', customerIds.slice(i, i + 500))
          .where('o.undoes_id', 'is', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
              ),
            ),
          )
          .orderBy('o.at', 'desc'),
      );
      for (const r of rows) {
        const list = out.get(r.customer_id) ?? [];
        if (list.length === 0) out.set(r.customer_id, list);
        if (list.length < limit) list.push(pastOutcomeFromRow(r));
      }
    }
    return out;
  }

  /** Every standing outcome since `since`, with its customer's segments and AUM, for the conversion table. */
  facts(since: number): OutcomeFactRow[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('suggestion_outcomes as o')
          .innerJoin('customers as c', 'c.id', 'o.customer_id')
          .select(['o.id', 'o.product_code', 'o.outcome', 'o.at', 'c.segments', 'c.aum_fen'])
          .where('o.at', '>=', since)
          .where('o.undoes_id', 'is', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
              ),
            ),
          ),
      )
      .map(outcomeFactFromRow);
  }

  /** Changes whenever an outcome row is added here or arrives by sync: the conversion table's cache key. */
  stamp(): string {
    const r = this.store.first(
      this.store.k
        .selectFrom('suggestion_outcomes')
        .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('at').as('last')]),
    );
    return `${Number(r?.n ?? 0)}:${Number(r?.last ?? 0)}`;
  }
}
