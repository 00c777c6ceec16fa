import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-daily-rollup';
import * as m0003 from './0003-history-facts';
import * as m0004 from './0004-consent-feed';
import * as m0005 from './0005-settings-mandatory';
import * as m0006 from './0006-snapshots-staff';
import * as m0007 from './0007-lean-journal';
import * as m0008 from './0008-snapshot-tier-by-number';

/** The head office's own PostgreSQL migrations (not the branch's SQLite ones); a static list for the bundle. */
export const hoMigrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-daily-rollup': m0002,
  '0003-history-facts': m0003,
  '0004-consent-feed': m0004,
  '0005-settings-mandatory': m0005,
  '0006-snapshots-staff': m0006,
  '0007-lean-journal': m0007,
  '0008-snapshot-tier-by-number': m0008,
};

export const hoMigrationProvider: MigrationProvider = {
  getMigrations: async () => hoMigrations,
};

export const HO_LATEST_SCHEMA_VERSION = Object.keys(hoMigrations).sort().at(-1) ?? '';
