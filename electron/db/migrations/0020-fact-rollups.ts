import { sql, type Kysely } from 'kysely';

/**
 * Step 11 — the year of history in milliseconds (P7_dashboard in BENCH.md).
 * - fact_rollup: per branch day, ticket_facts' sums (the ones shared/metrics' addTicket keeps) per queue, per staff
 *   member and per arrival hour × weekday, so a year of reports reads ~20 rows a day instead of every ticket.
 * - outcome_rollup: per branch day, suggestion outcomes counted per product, campaign, member of staff and the
 *   customer's tier.
 * - fact_rollup_days: which days' rollups are current, and for which SL targets and zone offset (`sig`): the SL
 *   count depends on each queue's target, a setting. A day's rollup is rebuilt from its facts when a report asks for
 *   it and the day is missing or computed for another `sig` (electron/db/repos/reports.ts).
 * - Triggers drop a day's mark in the same transaction as any write to its facts or outcomes (a ticket event, a
 *   replicated merge, an outcome or its undo, a late change to a past day), so a rollup can never be read stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE fact_rollup (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    arrived INTEGER NOT NULL,
    served INTEGER NOT NULL,
    sl_met INTEGER NOT NULL,
    no_shows INTEGER NOT NULL,
    walked_away INTEGER NOT NULL,
    wait_sum INTEGER NOT NULL,
    wait_n INTEGER NOT NULL,
    walk_sum INTEGER NOT NULL,
    walk_n INTEGER NOT NULL,
    service_sum INTEGER NOT NULL,
    service_n INTEGER NOT NULL,
    PRIMARY KEY (kind, day, key)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE outcome_rollup (
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    outcome TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kind, day, key, outcome)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE fact_rollup_days (day TEXT PRIMARY KEY, sig TEXT NOT NULL) WITHOUT ROWID`.execute(
    db,
  );
  await sql`CREATE TRIGGER fact_rollup_stale_insert AFTER INSERT ON ticket_facts BEGIN
    DELETE FROM fact_rollup_days WHERE day = NEW.day;
  END`.execute(db);
  await sql`CREATE TRIGGER fact_rollup_stale_update AFTER UPDATE ON ticket_facts BEGIN
    DELETE FROM fact_rollup_days WHERE day IN (OLD.day, NEW.day);
  END`.execute(db);
  await sql`CREATE TRIGGER fact_rollup_stale_delete AFTER DELETE ON ticket_facts BEGIN
    DELETE FROM fact_rollup_days WHERE day = OLD.day;
  END`.execute(db);
  // Conversion by tier counts each outcome under its customer's tier now: a tier change (an import) redoes them all.
  await sql`CREATE TRIGGER outcome_rollup_stale_tier AFTER UPDATE OF tier ON customers
    WHEN OLD.tier IS NOT NEW.tier BEGIN
    DELETE FROM fact_rollup_days;
  END`.execute(db);
  // An outcome's branch day depends on the zone: the UTC date of its time and the days either side cover any.
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'NEW'],
    ['DELETE', 'OLD'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER outcome_rollup_stale_${event.toLowerCase()} AFTER ${event} ON suggestion_outcomes BEGIN
          DELETE FROM fact_rollup_days WHERE day BETWEEN date(${row}.at / 1000 - 86400, 'unixepoch')
            AND date(${row}.at / 1000 + 86400, 'unixepoch');
        END`,
      )
      .execute(db);
  }
}
