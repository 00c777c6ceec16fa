/**
 * The search over an RM's list and book (客户经营): a whole book is a few hundred rows, paged 20 at a time, so the
 * customer who just rang back is found by name, customer number or the phone's last four digits. Only what the
 * row shows is searched: the phone is the masked one (`138****6688`), so nothing hidden can be probed by typing.
 */
export interface Searchable {
  name: string;
  customerNo: string;
  phoneMasked: string | null;
}

export function matchesSearch(row: Searchable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (row.name.toLowerCase().includes(q) || row.customerNo.toLowerCase().includes(q)) return true;
  // Four digits: the visible end of the masked phone (the middle is stars, the start is a carrier prefix).
  return /^\d{4}$/.test(q) && !!row.phoneMasked && row.phoneMasked.endsWith(q);
}

/** The rows the query matches; the same array when there is no query (the table keeps its state). */
export function searchRows<T extends Searchable>(rows: readonly T[], query: string): readonly T[] {
  return query.trim() ? rows.filter((r) => matchesSearch(r, query)) : rows;
}
