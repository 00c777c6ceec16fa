import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../connection';
import { newId } from '../ids';

/**
 * What a production install needs before its first counter can be set up: the branch row, the product
 * catalogue and settings version 1, all from the default rules. Each part only if missing (demo seeding
 * writes the same). Runs inside the caller's transaction.
 */
export function ensureBranch(store: Store, rules: RulesConfig, by: string | null, now: number): void {
  const k = store.k;
  if (!store.first(k.selectFrom('branch').select('id').limit(1))) {
    store.run(
      k.insertInto('branch').values({
        id: newId(),
        code: rules.branch.code,
        name: rules.branch.name,
        timezone: rules.branch.timezone,
        created_at: now,
      }),
    );
  }
  if (!store.first(k.selectFrom('products').select('id').limit(1))) {
    for (const p of rules.suggest.products) {
      store.run(
        k.insertInto('products').values({
          id: newId(),
          code: p.code,
          name_zh: p.name.zh,
          name_en: p.name.en,
          type: p.type,
          risk_level: p.riskLevel,
          spec: JSON.stringify(p),
          active: 1,
          updated_at: now,
        }),
      );
    }
  }
  if (!store.first(k.selectFrom('settings').select('version').limit(1))) {
    store.run(
      k.insertInto('settings').values({
        version: 1,
        config: JSON.stringify(rules),
        created_at: now,
        created_by: by,
        note: '初始设置 / initial settings',
      }),
    );
  }
}
