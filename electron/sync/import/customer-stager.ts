/**
 * Staging a customer row: merged with what the branch has (a file may carry only some columns),
 * its numbers hashed and encrypted a batch at a time (on worker threads for big files), and
 * flagged new, changed or unchanged so the apply writes only what differs.
 */
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { maskCard, maskMobile, maskResidentId } from '@shared/customer/mask';
import { validateCustomerRow, type CustomerInput, type RowRules } from '@shared/import/rows';
import {
  backupOnlyProblem,
  hasOwnerCells,
  validateOwnerCells,
  type OwnerCells,
  type OwnerStaff,
} from '@shared/import/owner-cells';
import { cellText } from '@shared/import/values';
import type { ImportLookups } from '../../db/repos/import-lookups';
import type { ImportStage, StagedCustomer } from '../../db/repos/import-stage';
import type { RandomPool } from '../../db/random-pool';
import type { RunImportOptions } from './options';
import { ProtectBatch, type Protected, type Protector } from './protect';
import type { Stager } from './stager';

export function customerStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
  protector: Protector,
): Stager {
  const lifecycleCfg = o.rules.customer.lifecycle;
  const now = rules.now;
  let has: (k: string) => boolean = () => false;
  // Loaded once, and only when the file has an owner column: the big-import path stays as it was.
  let staff: ReadonlyMap<string, OwnerStaff> | null = null;
  // Rows checked but not yet staged: their numbers are hashed (and encrypted) a batch at a time.
  let pending: PendingCustomer[] = [];
  let batch = new ProtectBatch();

  const stageRow = (p: PendingCustomer, done: Protected): void => {
    const { line, c, ex, kindGiven } = p;
    const useKind = !ex || kindGiven;
    const idHash =
      has('id_number') || !ex ? (p.idAt >= 0 ? (done.hashes[p.idAt] as string) : null) : ex.id_hash;
    const idSame = ex !== undefined && idHash === ex.id_hash;
    const phoneHash =
      has('phone') || !ex ? (p.phoneAt >= 0 ? (done.hashes[p.phoneAt] as string) : null) : ex.phone_hash;
    const phoneSame = ex !== undefined && phoneHash === ex.phone_hash;

    const kind = useKind ? c.kind : (ex.kind as typeof c.kind);
    const corporateType = useKind ? c.corporateType : ex.corporate_type;
    const corporateGrade = useKind ? c.corporateGrade : ex.corporate_grade;
    const creditCode = has('credit_code') || !ex ? c.creditCode : ex.credit_code;
    const corporate = kind === 'corporate';
    // Only the year and month are stored (migration 0007: with the masked ID a full date gives the number back).
    const birthMonth = corporate
      ? null
      : has('birth_date') || c.idNumber || !ex
        ? (c.birthDate?.slice(0, 7) ?? null)
        : ex.birth_month;
    const gender = corporate ? null : has('gender') || c.idNumber || !ex ? c.gender : ex.gender;
    const segments = has('segments') || !ex ? JSON.stringify(c.segments) : ex.segments;
    const relationship = has('relationship_type') || !ex ? c.relationshipType : ex.relationship_type;
    const consent = has('marketing_consent') || !ex ? (c.marketingConsent ? 1 : 0) : ex.marketing_consent;
    const createdAt = c.openedAt ?? ex?.created_at ?? now;
    const lastVisitAt = c.lastVisitAt ?? ex?.last_visit_at ?? null;
    const lastTxnAt = c.lastTxnAt ?? ex?.last_txn_at ?? null;
    const linkedNo = has('linked_customer_no') || !ex ? c.linkedCustomerNo : ex.linked_no;
    const lifecycle = deriveLifecycle({ createdAt, lastVisitAt, lastTxnAt }, now, lifecycleCfg);

    const id = ex?.id ?? pool.uuid();
    let cardHashes: string[] | null = null;
    let cardsChanged = false;
    if (has('cards')) {
      cardHashes = c.cards.map((_, i) => done.hashes[p.cardsAt + i] as string);
      if (ex) {
        const before = lookups.cardHashes(ex.id);
        cardsChanged =
          before.length !== cardHashes.length || before.some((h) => !(cardHashes as string[]).includes(h));
      } else cardsChanged = cardHashes.length > 0;
    }
    const linkChanged = ex ? linkedNo !== ex.linked_no : linkedNo !== null;

    const fieldsChanged =
      !ex ||
      c.name !== ex.name ||
      kind !== ex.kind ||
      corporateType !== ex.corporate_type ||
      !idSame ||
      creditCode !== ex.credit_code ||
      !phoneSame ||
      birthMonth !== ex.birth_month ||
      gender !== ex.gender ||
      segments !== ex.segments ||
      lifecycle !== ex.lifecycle ||
      relationship !== ex.relationship_type ||
      corporateGrade !== ex.corporate_grade ||
      consent !== ex.marketing_consent ||
      createdAt !== ex.created_at ||
      lastVisitAt !== ex.last_visit_at ||
      lastTxnAt !== ex.last_txn_at;
    const changed = fieldsChanged || cardsChanged || linkChanged;

    // Encrypted only when new (see `row`): an unchanged number keeps its ciphertext (re-imports stay byte-identical).
    let idMasked: string | null;
    let idEnc: string | null;
    if (idSame && ex) {
      idMasked = ex.id_masked;
      idEnc = ex.id_enc;
    } else if (has('id_number') || !ex) {
      idMasked = c.idNumber ? maskResidentId(c.idNumber) : null;
      idEnc = p.idAt >= 0 ? (done.encs[p.idAt] ?? null) : null;
    } else {
      idMasked = ex.id_masked;
      idEnc = ex.id_enc;
    }
    let phoneMasked: string | null;
    let phoneEnc: string | null;
    if (phoneSame && ex) {
      phoneMasked = ex.phone_masked;
      phoneEnc = ex.phone_enc;
    } else if (has('phone') || !ex) {
      phoneMasked = c.phone ? maskMobile(c.phone) : null;
      phoneEnc = p.phoneAt >= 0 ? (done.encs[p.phoneAt] ?? null) : null;
    } else {
      phoneMasked = ex.phone_masked;
      phoneEnc = ex.phone_enc;
    }

    const staged: StagedCustomer = [
      line,
      id,
      ex ? 0 : 1,
      changed ? 1 : 0,
      cardsChanged ? 1 : 0,
      linkChanged ? 1 : 0,
      c.customerNo,
      kind,
      corporateType,
      c.name,
      idHash,
      idMasked,
      idEnc,
      creditCode,
      phoneHash,
      phoneMasked,
      phoneEnc,
      birthMonth,
      gender,
      segments,
      lifecycle,
      relationship,
      corporateGrade,
      consent,
      createdAt,
      lastVisitAt,
      lastTxnAt,
      linkedNo,
    ];
    stage.customer(staged);
    if (p.owner) stage.owner(line, id, p.owner.ownerId, p.owner.backupId);
    if (cardsChanged && cardHashes) {
      for (let i = 0; i < cardHashes.length; i++) {
        stage.card(line, id, cardHashes[i] as string, maskCard(c.cards[i] as string));
      }
    }
  };

  return {
    setMap(m) {
      has = (k) => m.index.has(k);
      if (has('owner_rm') || has('backup_rm')) staff = lookups.staffByUsername();
    },
    row(line, get) {
      const r = validateCustomerRow(get, rules);
      // The owner cells are checked even when the row is bad: the report lists all of a row's problems.
      const o = staff && hasOwnerCells(get) ? validateOwnerCells(get, staff) : null;
      if (!r.ok) return o && !o.ok ? [...r.problems, ...o.problems] : r.problems;
      if (o && !o.ok) return o.problems;
      const c: CustomerInput = r.row;
      const ex = lookups.customer(c.customerNo);
      const owner: OwnerCells | null = o ? o.value : null;
      if (owner && owner.ownerId === null && owner.backupId !== null) {
        const bad = backupOnlyProblem(get, owner.backupId, ex ? lookups.ownerOf(ex.id) : null);
        if (bad) return [bad];
      }
      const kindGiven = cellText(get('kind')) !== '' || c.idNumber !== null || c.creditCode !== null;
      // A number the branch already has under the same hash keeps its ciphertext: encrypt unless equal.
      const idAt =
        (has('id_number') || !ex) && c.idNumber ? batch.add('id', c.idNumber, ex?.id_hash ?? true) : -1;
      const phoneAt =
        (has('phone') || !ex) && c.phone ? batch.add('phone', c.phone, ex?.phone_hash ?? true) : -1;
      let cardsAt = -1;
      if (has('cards')) {
        cardsAt = batch.size;
        for (const n of c.cards) batch.add('card', n, false);
      }
      pending.push({ line, c, ex, kindGiven, idAt, phoneAt, cardsAt, owner });
      return null;
    },
    cut() {
      if (pending.length === 0) return null;
      const rows = pending;
      const b = batch;
      pending = [];
      batch = new ProtectBatch();
      return protector.protect(b).then((done) => () => {
        for (const p of rows) stageRow(p, done);
      });
    },
  };
}

interface PendingCustomer {
  line: number;
  c: CustomerInput;
  ex: ReturnType<ImportLookups['customer']>;
  kindGiven: boolean;
  /** Indexes into the protect batch's results; -1 when not asked for. */
  idAt: number;
  phoneAt: number;
  cardsAt: number;
  /** The owner columns, when the row fills one in. */
  owner: OwnerCells | null;
}
