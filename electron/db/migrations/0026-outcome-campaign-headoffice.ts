import { sql, type Kysely } from 'kysely';

/**
 * Step 11 (head office) — an outcome goes up with the campaign that lifted its suggestion, so the head office's
 * history shows conversion by campaign across branches (the branch has kept `campaign_id` since 0011, but the
 * journal's insert trigger, last recreated in 0010, did not carry it). Outcomes already journalled stay as they
 * were: the head office counts them under "no campaign".
 */
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS ho_journal_suggestion_outcomes_insert`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ho_journal_suggestion_outcomes_insert AFTER INSERT ON suggestion_outcomes BEGIN
         INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload) VALUES ('suggestion_outcomes',
           NEW.id, 'insert', NEW.at, NULL, NULL,
           json_object('op', 'insert', 'ticketId', NEW.ticket_id, 'customerId', NEW.customer_id,
             'customerNo', ${customerNo('NEW.customer_id')}, 'productCode', NEW.product_code, 'outcome', NEW.outcome,
             'reason', NEW.reason, 'note', NEW.note, 'staffId', NEW.staff_id, 'at', NEW.at,
             'undoesId', NEW.undoes_id, 'campaignId', NEW.campaign_id));
       END`,
    )
    .execute(db);
}
