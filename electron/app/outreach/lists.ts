import type { RulesConfig } from '@shared/config/schema';
import { classifyTier, type TierKey } from '@shared/customer/tier';
import { tierInfo } from '@shared/customer/tier-info';
import type { OutreachRuleKey } from '@shared/outreach/config';
import { contactAllowed, plannedNextContact } from '@shared/outreach/contact';
import { DAY_MS, isOverdue, outreachHits } from '@shared/outreach/rules';
import type { BalancePoint, ContactConsent, Maturity, OutreachContext } from '@shared/outreach/types';
import type { HitView, OutreachCustomerRow } from '@shared/api/outreach';
import { TIER_KEYS } from '@shared/customer/tier';
import { PRODUCT_TYPES } from '@shared/customer/enums';
import { branchDay } from '@shared/queue';
import { zonedInstant } from '@shared/import/values';
import type { OutreachRepo } from '../../db/repos/outreach';
import { foldContacts, type ContactSummary } from '../../db/repos/outreach-lists';
import type { OutreachBase, OwnerRecord, StaffRef } from '../../db/convert/outreach';
import type { ConsentReader } from './consent';
import { PackedHistory, type HistoryReader } from './packed-history';

/** What the book and the lists show of each customer, evaluated at one instant. */
export interface Evaluated {
  base: OutreachBase;
  row: OutreachCustomerRow;
  hits: HitView[];
  consent: ContactConsent;
}

/**
 * The instant a branch day's list is made for: now for today, the day's first minute for a later day (the list of
 * tomorrow is what the rules say at tomorrow's opening), now for a past day too (history is not replayed).
 */
export function listInstant(day: string, now: number, timeZone: string): number {
  const today = branchDay(now, timeZone);
  if (day <= today) return now;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant({ y, m, d, minutes: 0 }, timeZone);
}

function tierOf(t: string): TierKey {
  return TIER_KEYS.find((k) => k === t) ?? 'potential';
}

/** What the rules read of the customers besides the contact log: the rows, balance history, maturities. */
export interface ListInputs {
  bases: OutreachBase[];
  history: HistoryReader;
  maturities: Map<string, Maturity[]>;
}

/** Holdings maturing in the list's window (from a day before `at`), per customer: few rows, read at once. */
function readMaturities(repo: OutreachRepo, at: number, withinDays: number): Map<string, Maturity[]> {
  const maturities = new Map<string, Maturity[]>();
  for (const [id, ms] of repo.maturities(at - DAY_MS, at + withinDays * DAY_MS))
    maturities.set(
      id,
      ms.map((m) => ({
        ...m,
        productType: PRODUCT_TYPES.find((t) => t === m.productType) ?? 'time_deposit',
      })),
    );
  return maturities;
}

/** The balance history of these customers (all when null), added to `into`. */
function readHistory(
  repo: OutreachRepo,
  ids: readonly string[] | null,
  into: Map<string, BalancePoint[]>,
): Map<string, BalancePoint[]> {
  for (const [id, ps] of repo.history(ids))
    into.set(
      id,
      ps.map((p) => ({ ...p, tier: tierOf(p.tier) })),
    );
  return into;
}

/** The inputs of these customers (all when null), read now. */
export function readInputs(
  repo: OutreachRepo,
  ids: readonly string[] | null,
  at: number,
  withinDays: number,
): ListInputs {
  const history = readHistory(repo, ids, new Map());
  return { bases: repo.bases(ids), history, maturities: readMaturities(repo, at, withinDays) };
}

/**
 * Customers whose inputs or contacts are read between two turns of the event loop. An RM's book is a thousand or
 * more customers and twelve balance points each: read in one go, their list or book held the server ~0.1 s.
 */
const IDS_CHUNK = 500;

/** The ids a chunk at a time, the event loop turning between chunks. */
async function eachChunk(ids: readonly string[], take: (chunk: readonly string[]) => void): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_CHUNK) {
    if (i > 0) await nextTurn();
    take(ids.slice(i, i + IDS_CHUNK));
  }
}

/** readInputs() a chunk of customers at a time (the whole branch a page at a time when `ids` is null). */
export async function readInputsChunked(
  repo: OutreachRepo,
  ids: readonly string[] | null,
  at: number,
  withinDays: number,
): Promise<ListInputs> {
  if (ids === null) return readInputsSliced(repo, at, withinDays);
  const bases: OutreachBase[] = [];
  const history = new Map<string, BalancePoint[]>();
  await eachChunk(ids, (chunk) => {
    bases.push(...repo.bases(chunk));
    readHistory(repo, chunk, history);
  });
  return { bases, history, maturities: readMaturities(repo, at, withinDays) };
}

/**
 * Rows read per page when the whole branch's inputs are read, the event loop turning between pages: each page
 * costs tens of ms at most. A customer row is the dearer one (fourteen columns made into JavaScript values, ~7 µs
 * a row: a page of 20,000 held the server for 150-270 ms at the first list of the day); a balance point is cheap.
 */
const BASES_PAGE = 4_000;
const HISTORY_PAGE = 10_000;
const OWNERS_PAGE = 5_000;
const CONTACTS_PAGE = 10_000;
/** Up to this many customers, their contacts and follow-ups are read by id (an IN list), not the branch's. */
const SCOPED_READ_MAX = 2_000;

/**
 * The whole branch's inputs, read a page at a time with the event loop turning between pages (at 100,000 customers
 * the history alone is over a million rows: read in one go it held the server for a second or more, every morning
 * and after every import). Pages follow the primary keys, so nothing is read twice; what changes meanwhile is
 * caught by the caller (the import stamp, customers changed since the read began).
 */
export async function readInputsSliced(
  repo: OutreachRepo,
  at: number,
  withinDays: number,
  pageRows?: number,
): Promise<ListInputs> {
  const bases: OutreachBase[] = [];
  await eachPage(
    (after: string, rows) => repo.basesPage(after, rows),
    '',
    (b) => b.id,
    pageRows ?? BASES_PAGE,
    (page) => bases.push(...page),
  );
  await nextTurn();
  const history = new PackedHistory();
  await eachPage(
    (after: { customerId: string; asOf: number }, rows) => repo.historyPage(after, rows),
    { customerId: '', asOf: -Infinity },
    (p) => ({ customerId: p.customerId, asOf: p.asOf }),
    pageRows ?? HISTORY_PAGE,
    (page) => {
      for (const p of page) history.push(p.customerId, p.asOf, p.aumFen, p.tier);
    },
  );
  return { bases, history, maturities: readMaturities(repo, at, withinDays) };
}

/**
 * A keyset-paged read to its end: `read` the rows after `first`, then after the last row's key (`keyOf`), `rows` at a
 * time, handing each page to `take`, the event loop turning between pages.
 */
export async function eachPage<T, K>(
  read: (after: K, rows: number) => T[],
  first: K,
  keyOf: (last: T) => K,
  rows: number,
  take: (page: T[]) => void,
): Promise<void> {
  for (let after = first; ;) {
    const page = read(after, rows);
    take(page);
    const last = page.at(-1);
    if (last === undefined || page.length < rows) return;
    after = keyOf(last);
    await nextTurn();
  }
}

/**
 * Every customer's owner, read a page at a time with the event loop turning between pages (one read took 30-40 ms
 * at 10,000 owned customers, and grows with the book: a third of a second at a hundred thousand).
 */
export async function readOwnersSliced(
  repo: OutreachRepo,
  pageRows = OWNERS_PAGE,
): Promise<Map<string, OwnerRecord>> {
  const owners = new Map<string, OwnerRecord>();
  await eachPage(
    (after: string, rows) => repo.ownersPage(after, rows),
    '',
    (o) => o.customerId,
    pageRows,
    (page) => {
      for (const o of page) owners.set(o.customerId, o);
    },
  );
  return owners;
}

/**
 * The whole branch's contact log in short (last contact, per list, next planned), read a page at a time with the
 * event loop turning between pages: a year of a busy branch is over a hundred thousand contacts (read in one go, the
 * manager's list held the server for ~0.2 s at 150,000).
 */
export async function readContactsSliced(
  repo: OutreachRepo,
  pageRows = CONTACTS_PAGE,
): Promise<Map<string, ContactSummary>> {
  const out = new Map<string, ContactSummary>();
  await eachPage(
    (after: number, rows) => repo.contactsPage(after, rows),
    0,
    (c) => c.rowid,
    pageRows,
    (page) => foldContacts(out, page),
  );
  return out;
}

/** The contact summary of these customers, a chunk of them at a time (see readContactsSliced for all). */
async function readContactsOf(
  repo: OutreachRepo,
  ids: readonly string[],
): Promise<Map<string, ContactSummary>> {
  const out = new Map<string, ContactSummary>();
  await eachChunk(ids, (chunk) => {
    for (const [id, c] of repo.contactSummary(chunk)) out.set(id, c);
  });
  return out;
}

/** One run of the list rules: over these customers (all when null), at `at`, with these owners. */
export interface EvalRun {
  repo: OutreachRepo;
  consentOf: ConsentReader;
  rules: RulesConfig;
  ids: readonly string[] | null;
  at: number;
  owners: Map<string, { owner: StaffRef; assignedAt: number }>;
  only?: OutreachRuleKey | undefined;
  /** The day's inputs already read (DailyInputs); else they are read now. */
  inputs?: ListInputs | undefined;
  /** The contact summary already read (readContactsSliced); else it is read now. */
  contacts?: Map<string, ContactSummary> | undefined;
}

/** The list rules' inputs for one run, read once; `one` evaluates a customer (pure given these inputs). */
function prepare({ repo, rules, ids, at, owners, only, inputs, contacts: read }: EvalRun): {
  bases: OutreachBase[];
  one: (b: OutreachBase, c: ContactConsent, listedOnly: boolean) => Evaluated | null;
} {
  const cfg = rules.outreach;
  const { bases, history, maturities } = inputs ?? readInputs(repo, ids, at, cfg.rules.maturity.withinDays);
  // One customer (a contact being logged) or an RM's book: their own contacts, not the whole branch's (a year of
  // contacts is tens of thousands of rows); past a few thousand ids, one read of all is cheaper than the list.
  const scope = scopeOf(ids);
  const contacts = read ?? repo.contactSummary(scope);
  const followUps = repo.openFollowUps(scope);
  const ctx: OutreachContext = { now: at, timeZone: rules.branch.timezone, tiers: rules.customer.tiers };
  const one = (b: OutreachBase, c: ContactConsent, listedOnly: boolean): Evaluated | null => {
    const s = contacts.get(b.id);
    const hits = c.doNotContact
      ? []
      : outreachHits(
          {
            ...b,
            history: history.get(b.id) ?? [],
            maturities: maturities.get(b.id) ?? [],
            ownedSince: owners.get(b.id)?.assignedAt ?? null,
            lastContactAt: s?.last ?? null,
            lastContactByRule: (s?.byRule ?? {}) as Partial<Record<OutreachRuleKey, number>>,
          },
          cfg,
          ctx,
          only,
        )
          .filter((h) => contactAllowed(c, cfg.rules[h.rule].purpose).ok)
          .map((h) => ({ ...h, overdue: isOverdue(h, cfg, at) }));
    if (listedOnly && hits.length === 0) return null;
    const tier = tierInfo(b.aumFen, rules.customer.tiers);
    return {
      base: b,
      consent: c,
      hits,
      row: {
        customerId: b.id,
        customerNo: b.customerNo,
        name: b.name,
        tier: tier.tier,
        tierLabel: tier.label,
        aumFen: b.aumFen,
        phoneMasked: b.phoneMasked,
        owner: owners.get(b.id)?.owner ?? null,
        lastContactAt: s?.last ?? null,
        nextContactAt: s ? plannedNextContact(s, ctx.timeZone) : null,
        openFollowUps: followUps.get(b.id) ?? 0,
      },
    };
  };
  return { bases, one };
}

/** The customers whose contacts are read by id; null: the whole branch's. */
function scopeOf(ids: readonly string[] | null): readonly string[] | null {
  return ids && ids.length <= SCOPED_READ_MAX ? ids : null;
}

const noMark = (b: OutreachBase): ContactConsent => ({ doNotContact: false, marketing: b.marketingConsent });

/**
 * Runs the list rules over these customers (all when null) at `at`, with consent applied to every hit, in one go:
 * for a few customers (a profile, a contact, an RM's book). The whole branch goes through evaluateSliced.
 */
export function evaluate(
  repo: OutreachRepo,
  consentOf: ConsentReader,
  rules: RulesConfig,
  ids: readonly string[] | null,
  at: number,
  owners: Map<string, { owner: StaffRef; assignedAt: number }>,
  only?: OutreachRuleKey,
  /** The day's inputs already read (DailyInputs); else they are read now. */
  inputs?: ListInputs,
): Evaluated[] {
  const p = prepare({ repo, consentOf, rules, ids, at, owners, only, inputs });
  const consent = consentOf(p.bases);
  return p.bases.map((b) => p.one(b, consent.get(b.id) ?? noMark(b), false) as Evaluated);
}

/**
 * Customers evaluated between two turns of the event loop. The rules cost 10–30 µs a customer: a whole branch of
 * 100,000 in one go held the server for seconds (the lobby, the TV and every counter waited for a manager's list).
 * Slices of 1,000 still took 25–90 ms each at a large branch (garbage collection included); 500 halves that.
 */
export const EVALUATE_SLICE = 500;
/** A turn of the event loop: requests that came in meanwhile are answered. */
export const nextTurn = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

/** evaluate() a slice at a time, the event loop turning between slices; consent is read per slice. */
export async function evaluateSliced(
  run: EvalRun,
  /** Only customers some list names (the lists): the others are not kept while the rest is evaluated. */
  listedOnly = false,
): Promise<Evaluated[]> {
  // Inputs and contacts not given are read here, a page or a chunk at a time, not in one go in prepare().
  const scope = scopeOf(run.ids);
  const contacts =
    run.contacts ??
    (scope === null ? await readContactsSliced(run.repo) : await readContactsOf(run.repo, scope));
  const inputs =
    run.inputs ??
    (await readInputsChunked(run.repo, run.ids, run.at, run.rules.outreach.rules.maturity.withinDays));
  await nextTurn();
  const p = prepare({ ...run, contacts, inputs });
  const out: Evaluated[] = [];
  for (let i = 0; i < p.bases.length; i += EVALUATE_SLICE) {
    if (i > 0) await nextTurn();
    const slice = p.bases.slice(i, i + EVALUATE_SLICE);
    const consent = run.consentOf(slice);
    for (const b of slice) {
      const e = p.one(b, consent.get(b.id) ?? noMark(b), listedOnly);
      if (e) out.push(e);
    }
  }
  return out;
}

/** The tier by current bands (the stored column follows the bands of the last import). */
export function currentTier(aumFen: number, rules: RulesConfig): TierKey {
  return classifyTier(aumFen, rules.customer.tiers).tier;
}
