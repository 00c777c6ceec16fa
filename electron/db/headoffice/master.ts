import type {
  HoCampaignRow,
  HoCustomerRow,
  HoProductRow,
  HoSettingsRow,
  HoSettingsSection,
} from '@shared/api/headoffice';
import type { Campaign } from '@shared/suggest/campaigns';
import type { HeadOfficeDb } from './connection';
import { publishSettings, putCampaign, upsertProducts } from './master-catalog';
import { setLinks, upsertCustomers, type HoCustomerInput, type MasterCounts } from './master-customers';
import { campaignsPage, customersPage, highWater, productsPage, settingsFor } from './master-snapshot';

export type { HoCustomerInput, MasterCounts } from './master-customers';

type RevRange = { since: number; upTo: number };

/**
 * Master data the head office hands down (customers with cards and balances, products,
 * campaigns, settings), over one PostgreSQL pool. Writers: master-customers.ts and
 * master-catalog.ts; what a branch's snapshot pull reads: master-snapshot.ts; how revs stay
 * ordered: master-lock.ts.
 */
export class HoMaster {
  constructor(private readonly db: HeadOfficeDb) {}

  upsertCustomers(
    branchId: string,
    input: readonly HoCustomerInput[],
    piiKeyId: string | null,
  ): Promise<MasterCounts> {
    return upsertCustomers(this.db, branchId, input, piiKeyId);
  }

  setLinks(
    branchId: string,
    pairs: readonly { customerNo: string; linkedCustomerNo: string | null }[],
  ): Promise<void> {
    return setLinks(this.db, branchId, pairs);
  }

  upsertProducts(input: readonly HoProductRow[], branchId: string | null, now: number): Promise<number> {
    return upsertProducts(this.db, input, branchId, now);
  }

  putCampaign(campaign: Campaign, branchId: string | null, active: boolean, now: number): Promise<boolean> {
    return putCampaign(this.db, campaign, branchId, active, now);
  }

  publishSettings(
    config: Partial<Record<HoSettingsSection, unknown>>,
    branchId: string | null,
    by: string | null,
    note: string | null,
    now: number,
  ): Promise<number> {
    return publishSettings(this.db, config, branchId, by, note, now);
  }

  highWater(): Promise<number> {
    return highWater(this.db);
  }

  customersPage(branchId: string, range: RevRange, after: string, limit: number): Promise<HoCustomerRow[]> {
    return customersPage(this.db, branchId, range, after, limit);
  }

  productsPage(branchId: string, range: RevRange, after: string, limit: number): Promise<HoProductRow[]> {
    return productsPage(this.db, branchId, range, after, limit);
  }

  campaignsPage(branchId: string, range: RevRange, after: string, limit: number): Promise<HoCampaignRow[]> {
    return campaignsPage(this.db, branchId, range, after, limit);
  }

  settingsFor(branchId: string, range: RevRange): Promise<HoSettingsRow | null> {
    return settingsFor(this.db, branchId, range);
  }
}
