/**
 * The set checks of an import: SQL over the staged rows (schema `stage`, attached) and the branch
 * data, for what no single row shows: duplicates in the file, numbers another customer has,
 * links to nobody, mixed balance dates.
 */
import type { ImportKind } from '@shared/import/types';

/**
 * Where the checks' statements run: the server's connection (ImportSql, answers at once) or a worker thread with its
 * own (CheckWorker, answers later: the event loop turns meanwhile).
 */
export interface CheckSql {
  all<T>(sql: string, ...params: unknown[]): T[] | Promise<T[]>;
  count(sql: string, ...params: unknown[]): number | Promise<number>;
  run(sql: string, ...params: unknown[]): number | Promise<number>;
}

interface CheckRow {
  line: number;
  value: string | null;
  other: string | number | null;
}

/** A set-level problem found by SQL over the staged rows (and the branch data). */
export interface SetIssue {
  line: number;
  field: string;
  code: string;
  zh: string;
  en: string;
  value: string | null;
}

/** Checks over the whole file: duplicates inside it and clashes with the branch's data (stage attached). */
export async function setChecks(q: CheckSql, kind: ImportKind): Promise<SetIssue[]> {
  const out: SetIssue[] = [];
  const add = (
    rows: CheckRow[],
    field: string,
    code: string,
    zh: (r: CheckRow) => string,
    en: (r: CheckRow) => string,
  ) => {
    for (const r of rows) out.push({ line: r.line, field, code, zh: zh(r), en: en(r), value: r.value });
  };
  if (kind === 'customers') {
    add(
      await q.all<CheckRow>(`SELECT s.line, s.customer_no AS value, f.first AS other FROM stage.customers s
        JOIN (SELECT customer_no, min(line) AS first FROM stage.customers GROUP BY customer_no HAVING count(*) > 1) f
          ON f.customer_no = s.customer_no WHERE s.line > f.first`),
      'customer_no',
      'duplicate_in_file',
      (r) => `客户号 ${r.value ?? ''} 在文件中重复（首次出现在第 ${r.other ?? ''} 行）`,
      (r) => `Customer no. ${r.value ?? ''} appears twice in the file (first on line ${r.other ?? ''})`,
    );
    // Flagged new when read, but the number reached the branch since (a prospect became a customer, a sync) while
    // the file waited for the manager: the write would clash on the number. Empty at the first check by definition.
    add(
      await q.all<CheckRow>(`SELECT s.line, s.customer_no AS value, NULL AS other FROM stage.customers s
        JOIN main.customers m ON m.customer_no = s.customer_no WHERE s.is_new = 1`),
      'customer_no',
      'customer_no_arrived',
      (r) => `客户号 ${r.value ?? ''} 在读取文件后已加入本网点，请重新导入本文件`,
      (r) => `Customer no. ${r.value ?? ''} joined the branch after the file was read; import the file again`,
    );
    add(
      await q.all<CheckRow>(`SELECT s.line, s.id_masked AS value, f.first AS other FROM stage.customers s
        JOIN (SELECT id_hash, min(line) AS first FROM stage.customers WHERE id_hash IS NOT NULL GROUP BY id_hash HAVING count(*) > 1) f
          ON f.id_hash = s.id_hash WHERE s.line > f.first`),
      'id_number',
      'duplicate_in_file',
      (r) => `证件号码与第 ${r.other ?? ''} 行的客户相同`,
      (r) => `Same ID number as the customer on line ${r.other ?? ''}`,
    );
    add(
      await q.all<CheckRow>(`SELECT s.line, s.id_masked AS value, m.customer_no AS other FROM stage.customers s
        JOIN main.customers m ON m.id_hash = s.id_hash WHERE s.id_hash IS NOT NULL AND m.id <> s.id`),
      'id_number',
      'id_taken',
      (r) => `证件号码已属于客户 ${r.other ?? ''}`,
      (r) => `The ID number already belongs to customer ${r.other ?? ''}`,
    );
    add(
      await q.all<CheckRow>(`SELECT s.line, s.card_masked AS value, f.first AS other FROM stage.cards s
        JOIN (SELECT card_hash, min(line) AS first FROM stage.cards GROUP BY card_hash HAVING count(*) > 1) f
          ON f.card_hash = s.card_hash WHERE s.line > f.first`),
      'cards',
      'duplicate_in_file',
      (r) => `银行卡号 ${r.value ?? ''} 与第 ${r.other ?? ''} 行重复`,
      (r) => `Card ${r.value ?? ''} also appears on line ${r.other ?? ''}`,
    );
    add(
      await q.all<CheckRow>(`SELECT s.line, s.card_masked AS value, m.customer_no AS other FROM stage.cards s
        JOIN main.cards c ON c.card_hash = s.card_hash JOIN main.customers m ON m.id = c.customer_id
        WHERE c.customer_id <> s.customer_id`),
      'cards',
      'card_taken',
      (r) => `银行卡号 ${r.value ?? ''} 已属于客户 ${r.other ?? ''}`,
      (r) => `Card ${r.value ?? ''} already belongs to customer ${r.other ?? ''}`,
    );
    add(
      await q.all<CheckRow>(`SELECT s.line, s.linked_no AS value, NULL AS other FROM stage.customers s
        WHERE s.link_changed = 1 AND s.linked_no IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM stage.customers t WHERE t.customer_no = s.linked_no)
          AND NOT EXISTS (SELECT 1 FROM main.customers m WHERE m.customer_no = s.linked_no)`),
      'linked_customer_no',
      'link_unknown',
      (r) => `关联客户号 ${r.value ?? ''} 既不在本文件中，也不在本网点客户中`,
      (r) => `Linked customer ${r.value ?? ''} is neither in this file nor a customer of the branch`,
    );
  } else if (kind === 'holdings') {
    // One balance date per customer: a file is one snapshot of each customer's holdings.
    const mixed = await q.count('SELECT count(*) FROM stage.agg WHERE min_as_of <> as_of');
    if (mixed > 0) {
      add(
        await q.all<CheckRow>(`SELECT h.line, NULL AS value, NULL AS other FROM stage.holdings h
          JOIN stage.agg a ON a.customer_id = h.customer_id WHERE a.min_as_of <> a.as_of`),
        'as_of',
        'as_of_mixed',
        () => '同一客户的各行余额日期须一致（一份文件是一个时点的余额）',
        () => 'All rows of one customer must have the same as-of date (a file is one snapshot)',
      );
    }
  } else if (kind === 'products') {
    add(
      await q.all<CheckRow>(`SELECT s.line, s.code AS value, f.first AS other FROM stage.products s
        JOIN (SELECT code, min(line) AS first FROM stage.products GROUP BY code HAVING count(*) > 1) f
          ON f.code = s.code WHERE s.line > f.first`),
      'code',
      'duplicate_in_file',
      (r) => `产品代码 ${r.value ?? ''} 在文件中重复（首次出现在第 ${r.other ?? ''} 行）`,
      (r) => `Product code ${r.value ?? ''} appears twice (first on line ${r.other ?? ''})`,
    );
  }
  return out;
}
