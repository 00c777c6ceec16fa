import type { Store } from '../connection';

export interface HoBaselineEntry {
  path: string;
  value: unknown;
  hoVersions: number[];
  mandatory: boolean;
  receivedAt: number;
  settingsVersion: number | null;
}

/** Where the branch's settings came from (0024): the origin of each version, what the head office last sent. */
export class SettingsOriginRepo {
  constructor(private readonly store: Store) {}

  baseline(): HoBaselineEntry[] {
    return this.store
      .all(this.store.k.selectFrom('settings_ho_baseline').selectAll().orderBy('path'))
      .map((r) => ({
        path: r.path,
        value: JSON.parse(r.value) as unknown,
        hoVersions: JSON.parse(r.ho_versions) as number[],
        mandatory: r.mandatory === 1,
        receivedAt: r.received_at,
        settingsVersion: r.settings_version,
      }));
  }

  putBaseline(entries: readonly HoBaselineEntry[]): void {
    for (const e of entries) {
      const row = {
        path: e.path,
        value: JSON.stringify(e.value),
        ho_versions: JSON.stringify(e.hoVersions),
        mandatory: e.mandatory ? 1 : 0,
        received_at: e.receivedAt,
        settings_version: e.settingsVersion,
      };
      this.store.run(
        this.store.k
          .insertInto('settings_ho_baseline')
          .values(row)
          .onConflict((oc) => oc.column('path').doUpdateSet(row)),
      );
    }
  }
}
