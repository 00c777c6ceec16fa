/**
 * The optional owner columns of a customer file (客户经理 / 备份客户经理): staff usernames, checked
 * against the branch's staff (a map loaded once per import, not a query per row).
 */
import { OWNER_ROLES } from '../outreach/owner-roles';
import { type FieldGetter, type FieldProblem, Problems, text } from './row-common';
import { asciiFold } from './values';

/** A member of staff as the owner check needs them, keyed by username. */
export interface OwnerStaff {
  id: string;
  role: string;
  active: boolean;
}

export interface OwnerCells {
  /** null: the cell is empty or the column absent (the customer's owner is left as it is). */
  ownerId: string | null;
  backupId: string | null;
}

const CELLS = [
  { field: 'owner_rm', zh: '客户经理', en: 'Owner RM' },
  { field: 'backup_rm', zh: '备份客户经理', en: 'Backup RM' },
] as const;

/** Usernames are stored lower case (shared/api/security.ts); a file may write them in any case or full width. */
function username(get: FieldGetter, field: string): string {
  return asciiFold(text(get, field)).trim().toLowerCase();
}

/** Whether the row names an owner or a backup at all (most files do not: no work then). */
export function hasOwnerCells(get: FieldGetter): boolean {
  return text(get, 'owner_rm') !== '' || text(get, 'backup_rm') !== '';
}

/**
 * The owner and backup of a row as staff ids, or every problem: an unknown username, a member of
 * staff who is inactive or not a relationship manager / manager, a backup equal to the owner.
 */
export function validateOwnerCells(
  get: FieldGetter,
  staff: ReadonlyMap<string, OwnerStaff>,
): { ok: true; value: OwnerCells } | { ok: false; problems: FieldProblem[] } {
  const out = new Problems(get);
  const ids: (string | null)[] = [];
  for (const c of CELLS) {
    const name = username(get, c.field);
    if (!name) {
      ids.push(null);
      continue;
    }
    const s = staff.get(name);
    if (!s) {
      out.add(c.field, {
        code: 'owner_unknown',
        zh: `${c.zh}“${name}”不是本网点员工的用户名`,
        en: `${c.en} "${name}" is not the username of a member of staff`,
      });
    } else if (!s.active) {
      out.add(c.field, {
        code: 'owner_inactive',
        zh: `${c.zh}“${name}”的账号已停用`,
        en: `${c.en} "${name}" is an inactive account`,
      });
    } else if (!OWNER_ROLES.has(s.role)) {
      out.add(c.field, {
        code: 'owner_role',
        zh: `${c.zh}“${name}”不是客户经理或网点负责人`,
        en: `${c.en} "${name}" is not a relationship manager or branch manager`,
      });
    }
    ids.push(s?.id ?? null);
  }
  const [ownerId = null, backupId = null] = ids;
  if (ownerId !== null && ownerId === backupId) {
    out.add('backup_rm', {
      code: 'backup_is_owner',
      zh: '备份客户经理不能与客户经理是同一人',
      en: 'The backup RM cannot be the owner RM',
    });
  }
  if (out.list.length > 0) return { ok: false, problems: out.list };
  return { ok: true, value: { ownerId, backupId } };
}

/** A backup named without an owner, for a customer who has no owner (or whose owner is that backup). */
export function backupOnlyProblem(
  get: FieldGetter,
  backupId: string,
  currentOwnerId: string | null,
): FieldProblem | null {
  const out = new Problems(get);
  if (currentOwnerId === null) {
    out.add('backup_rm', {
      code: 'backup_without_owner',
      zh: '该客户还没有客户经理：请同时填写客户经理',
      en: 'This customer has no owner RM yet: fill in the owner RM too',
    });
  } else if (currentOwnerId === backupId) {
    out.add('backup_rm', {
      code: 'backup_is_owner',
      zh: '备份客户经理不能与客户经理是同一人',
      en: 'The backup RM cannot be the owner RM',
    });
  }
  return out.list[0] ?? null;
}
