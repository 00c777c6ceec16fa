import Database from 'better-sqlite3';
import { Store } from '../connection';
import type { HoCustomerInput, HoMaster, MasterCounts } from './master';
import { cardsByCustomer, customerFromRow, holdingsByCustomer, productFromRow } from './rows';

const PAGE = 1000;

/**
 * The head office's first load of a branch: its customers (with cards and balances) and its
 * products, read from the branch's SQLite file and written to PostgreSQL. Running it again
 * changes only what differs. `piiKeyId` names the branch's PII key (pii-key.ts).
 */
export async function loadBranchDb(
  branch: Store,
  master: HoMaster,
  target: { branchId: string; piiKeyId: string | null; now: number },
): Promise<{ customers: MasterCounts; products: number }> {
  const customers: MasterCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const links: { customerNo: string; linkedCustomerNo: string | null }[] = [];
  const k = branch.k;
  let after = '';
  for (;;) {
    const rows = branch.all(
      k
        .selectFrom('customers as c')
        .leftJoin('customers as l', 'l.id', 'c.linked_customer_id')
        .selectAll('c')
        .select('l.customer_no as linked_no')
        .where('c.customer_no', '>', after)
        .orderBy('c.customer_no')
        .limit(PAGE),
    );
    const last = rows.at(-1);
    if (!last) break;
    after = last.customer_no;
    const ids = rows.map((r) => r.id);
    const cards = cardsByCustomer(
      branch.all(k.selectFrom('cards').selectAll().where('customer_id', 'in', ids)),
    );
    const holdings = holdingsByCustomer(
      branch.all(k.selectFrom('holdings').selectAll().where('customer_id', 'in', ids)),
    );
    const input: HoCustomerInput[] = rows.map((r) =>
      customerFromRow(r, cards.get(r.id) ?? [], holdings.get(r.id) ?? []),
    );
    for (const r of input) if (r.linkedCustomerNo) links.push(r);
    const c = await master.upsertCustomers(target.branchId, input, target.piiKeyId);
    customers.inserted += c.inserted;
    customers.updated += c.updated;
    customers.unchanged += c.unchanged;
  }
  // A customer may link to one of a later page.
  await master.setLinks(target.branchId, links);
  const products = branch.all(k.selectFrom('products').selectAll().orderBy('code')).map(productFromRow);
  return { customers, products: await master.upsertProducts(products, null, target.now) };
}

/** `loadBranchDb` from a branch's database file, opened read-only: the load never changes it. */
export async function loadBranchDbFile(
  file: string,
  master: HoMaster,
  target: { branchId: string; piiKeyId: string | null; now: number },
): Promise<{ customers: MasterCounts; products: number }> {
  const store = new Store(new Database(file, { readonly: true, fileMustExist: true }));
  try {
    return await loadBranchDb(store, master, target);
  } finally {
    // Not store.close(): it checkpoints the WAL, a write.
    store.sqlite.close();
  }
}
