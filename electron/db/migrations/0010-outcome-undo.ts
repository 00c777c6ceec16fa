import { sql, type Kysely } from 'kysely';

/**
 * Step 10 — undoing a mistaken outcome key. Outcomes only append (they replicate and go to the head office as
 * they are), so an undo is a compensating row: the same customer, ticket, product and outcome, with `undoes_id`
 * naming the row it cancels. Counting an outcome means counting rows without `undoes_id` minus rows with it.
 *
 * The head office journal's insert trigger (0006) is recreated to carry `undoesId`, so the head office can do
 * the same subtraction.
 */
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE suggestion_outcomes ADD COLUMN undoes_id TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX outcomes_undoes ON suggestion_outcomes (undoes_id) WHERE undoes_id IS NOT NULL`.execute(
    db,
  );
  await sql`DROP TRIGGER IF EXISTS ho_journal_suggestion_outcomes_insert`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ho_journal_suggestion_outcomes_insert AFTER INSERT ON suggestion_outcomes BEGIN
         INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload) VALUES ('suggestion_outcomes',
           NEW.id, 'insert', NEW.at, NULL, NULL,
           json_object('op', 'insert', 'ticketId', NEW.ticket_id, 'customerId', NEW.customer_id,
             'customerNo', ${customerNo('NEW.customer_id')}, 'productCode', NEW.product_code, 'outcome', NEW.outcome,
             'reason', NEW.reason, 'note', NEW.note, 'staffId', NEW.staff_id, 'at', NEW.at,
             'undoesId', NEW.undoes_id));
       END`,
    )
    .execute(db);
}
