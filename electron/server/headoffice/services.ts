import type { HeadOfficeDb } from '../../db/headoffice/connection';
import { HoHistoryRepo } from '../../db/headoffice/history';
import { HoJournal } from '../../db/headoffice/journal';
import { HoKeys } from '../../db/headoffice/keys';
import { HoMaster } from '../../db/headoffice/master';

/** The head office's repositories over one PostgreSQL pool. */
export class HeadOffice {
  readonly keys: HoKeys;
  readonly journal: HoJournal;
  readonly master: HoMaster;
  readonly history: HoHistoryRepo;

  constructor(
    readonly db: HeadOfficeDb,
    readonly now: () => number = Date.now,
  ) {
    this.keys = new HoKeys(db);
    this.journal = new HoJournal(db);
    this.master = new HoMaster(db);
    this.history = new HoHistoryRepo(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
