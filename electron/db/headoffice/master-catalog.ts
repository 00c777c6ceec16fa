import { sql } from 'kysely';
import type { HoProductRow, HoSettingsSection } from '@shared/api/headoffice';
import type { Campaign } from '@shared/suggest/campaigns';
import type { HeadOfficeDb } from './connection';
import { CHUNK, lockForWrite, nextRev } from './master-lock';

/** Writers of the catalogue the head office hands down: products, campaigns and settings. */

/** Bank-wide products by code (`branchId` null) or one branch's own. */
export async function upsertProducts(
  db: HeadOfficeDb,
  input: readonly HoProductRow[],
  branchId: string | null,
  now: number,
): Promise<number> {
  const rows = [...new Map(input.map((p) => [p.code, p])).values()];
  let changed = 0;
  await db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const r = await trx
        .insertInto('products')
        .values(
          rows.slice(i, i + CHUNK).map((p) => ({
            id: p.id,
            code: p.code,
            name_zh: p.nameZh,
            name_en: p.nameEn,
            type: p.type,
            risk_level: p.riskLevel,
            spec: p.spec,
            active: p.active,
            updated_at: p.updatedAt || now,
            branch_id: branchId,
            rev: nextRev(),
          })),
        )
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet((eb) => ({
              name_zh: eb.ref('excluded.name_zh'),
              name_en: eb.ref('excluded.name_en'),
              type: eb.ref('excluded.type'),
              risk_level: eb.ref('excluded.risk_level'),
              spec: eb.ref('excluded.spec'),
              active: eb.ref('excluded.active'),
              updated_at: eb.ref('excluded.updated_at'),
              branch_id: eb.ref('excluded.branch_id'),
              rev: eb.ref('excluded.rev'),
            }))
            .where(
              sql<boolean>`(products.name_zh, products.name_en, products.type, products.risk_level, products.spec, products.active, products.branch_id)
                IS DISTINCT FROM (excluded.name_zh, excluded.name_en, excluded.type, excluded.risk_level, excluded.spec, excluded.active, excluded.branch_id)`,
            ),
        )
        .returning('code')
        .execute();
      changed += r.length;
    }
  });
  return changed;
}

/** A campaign for every branch (`branchId` null) or one; `active` false withdraws it. */
export async function putCampaign(
  db: HeadOfficeDb,
  campaign: Campaign,
  branchId: string | null,
  active: boolean,
  now: number,
): Promise<boolean> {
  return db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    const r = await trx
      .insertInto('campaigns')
      .values({
        id: campaign.id,
        branch_id: branchId,
        spec: JSON.stringify(campaign),
        active: active ? 1 : 0,
        updated_at: now,
        rev: nextRev(),
      })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            branch_id: eb.ref('excluded.branch_id'),
            spec: eb.ref('excluded.spec'),
            active: eb.ref('excluded.active'),
            updated_at: eb.ref('excluded.updated_at'),
            rev: eb.ref('excluded.rev'),
          }))
          .where(
            sql<boolean>`(campaigns.branch_id, campaigns.spec, campaigns.active) IS DISTINCT FROM (excluded.branch_id, excluded.spec, excluded.active)`,
          ),
      )
      .returning('id')
      .execute();
    return r.length === 1;
  });
}

/** A new head-office settings version; `config` holds whole sections (checked by the caller). */
export async function publishSettings(
  db: HeadOfficeDb,
  config: Partial<Record<HoSettingsSection, unknown>>,
  branchId: string | null,
  by: string | null,
  note: string | null,
  now: number,
): Promise<number> {
  return db.k.transaction().execute(async (trx) => {
    await lockForWrite(trx);
    const r = await trx
      .insertInto('settings')
      .values({
        branch_id: branchId,
        config: JSON.stringify(config),
        created_at: now,
        created_by: by,
        note,
        rev: nextRev(),
      })
      .returning('version')
      .executeTakeFirstOrThrow();
    return r.version;
  });
}
