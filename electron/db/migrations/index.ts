import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-complaints';
import * as m0003 from './0003-import-history';
import * as m0004 from './0004-security';
import * as m0005 from './0005-sync';
import * as m0006 from './0006-headoffice';
import * as m0007 from './0007-birth-month';
import * as m0010 from './0010-outcome-undo';
import * as m0011 from './0011-dashboard';
import * as m0013 from './0013-appointments';
import * as m0014 from './0014-feedback';
import * as m0015 from './0015-outreach';
import * as m0016 from './0016-feedback-headoffice';
import * as m0020 from './0020-fact-rollups';
import * as m0021 from './0021-consent';
import * as m0022 from './0022-settings-impact';
import * as m0023 from './0023-prospects';
import * as m0024 from './0024-settings-origin';
import * as m0025 from './0025-outreach-headoffice';
import * as m0026 from './0026-outcome-campaign-headoffice';
import * as m0027 from './0027-snapshots-staff-headoffice';
import * as m0028 from './0028-contacts-at-index';
import * as m0030 from './0030-customer-link-index';
import * as m0031 from './0031-snapshot-bulk-journal';

/** Static list (not a folder scan) so the bundled server and Electron carry their migrations. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-complaints': m0002,
  '0003-import-history': m0003,
  '0004-security': m0004,
  '0005-sync': m0005,
  '0006-headoffice': m0006,
  '0007-birth-month': m0007,
  '0010-outcome-undo': m0010,
  '0011-dashboard': m0011,
  '0013-appointments': m0013,
  '0014-feedback': m0014,
  '0015-outreach': m0015,
  '0016-feedback-headoffice': m0016,
  '0020-fact-rollups': m0020,
  '0021-consent': m0021,
  '0022-settings-impact': m0022,
  '0023-prospects': m0023,
  '0024-settings-origin': m0024,
  '0025-outreach-headoffice': m0025,
  '0026-outcome-campaign-headoffice': m0026,
  '0027-snapshots-staff-headoffice': m0027,
  '0028-contacts-at-index': m0028,
  '0030-customer-link-index': m0030,
  '0031-snapshot-bulk-journal': m0031,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).sort().at(-1) ?? '';
