import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import {
  prospectConsentFromRow,
  prospectConsentToRow,
  prospectFromRow,
  prospectToRow,
  type Prospect,
  type ProspectConsent,
} from '../convert/prospects';
import type { ConsentTextTable } from '../schema-prospects';

/** Walk-in prospects, their consents, and the consent texts as read (Step 15, migration 0023). */
type Match = { prospectId: string; customerId: string };

export class ProspectRepo {
  /** Prepared on first use (after the migrations): it runs at every lookup by phone that finds a customer. */
  private matchesOfCustomer: Database.Statement<[string], Match> | null = null;
  /**
   * Whether any prospect waits for a link (null: not known). Prospects are written only through this repo (add,
   * put), which forgets it; so a branch with none open spares every phone lookup the statement.
   */
  private anyUnlinked: boolean | null = null;

  constructor(private readonly store: Store) {}

  add(p: Prospect): void {
    this.anyUnlinked = null;
    this.store.run(this.store.k.insertInto('prospects').values(prospectToRow(p)));
  }

  /** Writes every column of an existing prospect (status, erasure, link) at once. */
  put(p: Prospect): void {
    const { id, ...rest } = prospectToRow(p);
    this.anyUnlinked = null;
    this.store.run(this.store.k.updateTable('prospects').set(rest).where('id', '=', id));
  }

  get(id: string): Prospect | undefined {
    const r = this.store.first(this.store.k.selectFrom('prospects').selectAll().where('id', '=', id));
    return r ? prospectFromRow(r) : undefined;
  }

  /** Prospects of one assignee (and the unassigned), or everyone's; open ones or all, by due date. */
  list(q: { assigneeId: string | null; openOnly: boolean; limit?: number }): Prospect[] {
    let s = this.store.k.selectFrom('prospects').selectAll();
    if (q.openOnly) s = s.where('status', '=', 'open');
    if (q.assigneeId !== null) {
      const me = q.assigneeId;
      s = s.where((eb) => eb.or([eb('assignee_id', '=', me), eb('assignee_id', 'is', null)]));
    }
    return this.store
      .all(
        s
          .orderBy('due_at')
          .orderBy('id')
          .limit(q.limit ?? 500),
      )
      .map(prospectFromRow);
  }

  /** Open prospects not linked yet whose phone hash is one of a customer's (the link pass). */
  unlinkedMatches(): { prospectId: string; customerId: string }[] {
    return this.store.all(
      this.store.k
        .selectFrom('prospects as p')
        .innerJoin('customers as c', 'c.phone_hash', 'p.phone_hash')
        .select(['p.id as prospectId', 'c.id as customerId'])
        .where('p.customer_id', 'is', null)
        .where('p.status', 'in', ['open', 'contacted', 'closed'])
        .where('p.phone_hash', 'is not', null),
    );
  }

  /**
   * unlinkedMatches for one customer: the prospects with that customer's phone hash (the lookup's link pass). A
   * prepared statement on the customer's key and the prospects' phone index: the whole-table join above, compiled
   * by Kysely each time, cost a phone lookup ~0.2 ms (P1 in BENCH.md).
   */
  unlinkedMatchesOf(customerId: string): Match[] {
    this.anyUnlinked ??=
      this.store.sqlite
        .prepare(
          `SELECT 1 FROM prospects WHERE customer_id IS NULL AND phone_hash IS NOT NULL
           AND status IN ('open', 'contacted', 'closed') LIMIT 1`,
        )
        .get() !== undefined;
    if (!this.anyUnlinked) return [];
    this.matchesOfCustomer ??= this.store.sqlite.prepare<[string], Match>(
      `SELECT p.id AS prospectId, c.id AS customerId FROM customers c
       INNER JOIN prospects p ON p.phone_hash = c.phone_hash
       WHERE c.id = ? AND c.phone_hash IS NOT NULL AND p.customer_id IS NULL
         AND p.status IN ('open', 'contacted', 'closed')`,
    );
    return this.matchesOfCustomer.all(customerId);
  }

  addConsent(e: ProspectConsent): void {
    this.store.run(this.store.k.insertInto('prospect_consents').values(prospectConsentToRow(e)));
  }

  consents(prospectId: string): ProspectConsent[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('prospect_consents')
          .selectAll()
          .where('prospect_id', '=', prospectId)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc'),
      )
      .map(prospectConsentFromRow);
  }

  consent(id: string): ProspectConsent | undefined {
    const r = this.store.first(this.store.k.selectFrom('prospect_consents').selectAll().where('id', '=', id));
    return r ? prospectConsentFromRow(r) : undefined;
  }

  /** Latest consent per prospect, for a list. */
  latestConsents(ids: readonly string[]): Map<string, ProspectConsent> {
    const out = new Map<string, ProspectConsent>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) continue;
      for (const r of this.store.all(
        this.store.k.selectFrom('prospect_consents').selectAll().where('prospect_id', 'in', chunk),
      )) {
        const e = prospectConsentFromRow(r);
        const seen = out.get(e.prospectId);
        if (!seen || e.at > seen.at || (e.at === seen.at && e.id > seen.id)) out.set(e.prospectId, e);
      }
    }
    return out;
  }

  /** Keeps the words of a text version the first time it is used (later edits under the same version do not). */
  keepText(t: ConsentTextTable): void {
    this.store.run(
      this.store.k
        .insertInto('consent_texts')
        .values(t)
        .onConflict((oc) => oc.columns(['version', 'purpose']).doNothing()),
    );
  }

  text(version: string, purpose: string): ConsentTextTable | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('consent_texts')
        .selectAll()
        .where('version', '=', version)
        .where('purpose', '=', purpose),
    );
  }
}
