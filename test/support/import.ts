/** Test helpers for imports: valid-looking numbers, CSV text and a content hash of the branch data. */
import { createHash } from 'node:crypto';
import { luhnCheckDigit, residentIdCheckChar } from '@shared/customer/ids';
import type { Store } from '../../electron/db/connection';

/** A resident ID with a correct check character: region 330106 (杭州西湖区), a birth date, a sequence. */
export function testIdNumber(birth: string, seq: number, region = '330106'): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A 19-digit debit card number with a correct Luhn digit. */
export function testCard(n: number, bin = '622202'): string {
  const payload = `${bin}${String(n).padStart(12, '0')}`;
  return payload + String(luhnCheckDigit(payload));
}

export function csv(rows: (string | number | null)[][], eol = '\n'): string {
  return (
    rows
      .map((r) =>
        r
          .map((v) => {
            const s = v === null ? '' : String(v);
            return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(','),
      )
      .join(eol) + eol
  );
}

/** Tables an import may write; the audit log is left out on purpose (attempts are logged). */
export const DATA_TABLES: Record<string, string> = {
  customers: 'customer_no',
  cards: 'card_hash',
  holdings: 'id',
  products: 'code',
  aum_snapshots: 'customer_id, as_of',
  import_runs: 'id',
};

/** SHA-256 of a canonical dump (every row, every column, in key order) of the data tables. */
export function dataHash(store: Store, tables: Record<string, string> = DATA_TABLES): string {
  const h = createHash('sha256');
  for (const [t, order] of Object.entries(tables)) {
    h.update(`#${t}\n`);
    for (const row of store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).iterate()) {
      h.update(JSON.stringify(row));
      h.update('\n');
    }
  }
  return h.digest('hex');
}
