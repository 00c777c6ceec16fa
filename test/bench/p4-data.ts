/**
 * Deterministic core-banking style CSV exports of the demo branch, for the P4 import benchmark:
 * a customer master file and a balance (holdings) file, written as they would come out of a
 * bank's batch export (English headers, dates as YYYY-MM-DD in Beijing time, money in yuan).
 * Generated into a temp dir by the bench; never committed.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { generateCustomers, type DemoCustomer } from '../../electron/db/demo/generate';

const BEIJING = 8 * 3_600_000;
const DAY = 86_400_000;

const dayCache = new Map<number, string>();
/** Epoch ms → the Beijing calendar date, YYYY-MM-DD. */
export function beijingDate(ms: number): string {
  const day = Math.floor((ms + BEIJING) / DAY);
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

function yuan(fen: number): string {
  const y = Math.floor(fen / 100);
  const f = fen % 100;
  return f === 0 ? String(y) : `${y}.${f < 10 ? '0' : ''}${f}`;
}

function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Buffered synchronous writer: a few MB at a time, so 1M rows cost seconds, not minutes. */
class Out {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export const CUSTOMER_HEADER = [
  'customer_no',
  'name',
  'kind',
  'corporate_type',
  'id_number',
  'credit_code',
  'phone',
  'cards',
  'gender',
  'birth_date',
  'segments',
  'relationship_type',
  'corporate_grade',
  'marketing_consent',
  'opened_at',
  'last_visit_at',
  'last_txn_at',
  'linked_customer_no',
];

export function customerLine(c: DemoCustomer): string {
  return [
    c.customerNo,
    field(c.name),
    c.kind,
    c.corporateType ?? '',
    c.idNumber ?? '',
    c.creditCode ?? '',
    c.phone,
    c.cards.join(';'),
    c.gender ?? '',
    c.birthDate ?? '',
    c.segments.join(';'),
    c.relationshipType,
    c.corporateGrade ?? '',
    c.marketingConsent ? 'Y' : 'N',
    beijingDate(c.createdAt),
    c.lastVisitAt === null ? '' : beijingDate(c.lastVisitAt),
    c.lastTxnAt === null ? '' : beijingDate(c.lastTxnAt),
    c.linkedCustomerNo ?? '',
  ].join(',');
}

export const HOLDING_HEADER = ['customer_no', 'product_type', 'product_code', 'balance', 'as_of'];

/**
 * Writes `customers.csv` and `holdings.csv` for `count` demo customers. Service rows without a
 * balance (mobile banking, payroll, POS, agency) are left out of the balance file, as a balance
 * export would, and the file stops at `maxHoldings` rows. Answers the row counts.
 */
export function writeDemoCsv(
  dir: string,
  opts: { count: number; seed: number; now: number; maxHoldings: number },
): { customers: number; holdings: number; customersFile: string; holdingsFile: string } {
  const customersFile = `${dir}/customers.csv`;
  const holdingsFile = `${dir}/holdings.csv`;
  const cOut = new Out(customersFile);
  const hOut = new Out(holdingsFile);
  cOut.line(CUSTOMER_HEADER.join(','));
  hOut.line(HOLDING_HEADER.join(','));
  let customers = 0;
  let holdings = 0;
  for (const c of generateCustomers(opts)) {
    cOut.line(customerLine(c));
    customers++;
    for (const h of c.holdings) {
      if (holdings >= opts.maxHoldings) break;
      if (h.balanceFen === 0 && ['e_banking', 'payroll', 'pos', 'agency'].includes(h.productType)) continue;
      hOut.line(
        `${c.customerNo},${h.productType},${h.productCode ?? ''},${yuan(h.balanceFen)},${beijingDate(h.asOf)}`,
      );
      holdings++;
    }
  }
  cOut.close();
  hOut.close();
  return { customers, holdings, customersFile, holdingsFile };
}
