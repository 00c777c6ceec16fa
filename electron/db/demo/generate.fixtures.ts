/** Shared helpers for the demo generator tests: a fixed seed and clock, and a customer's AUM, tier and age. */
import { defaultCustomerConfig } from '../../../shared/customer/config';
import { AUM_PRODUCT_TYPES, type ProductType } from '../../../shared/customer/enums';
import { classifyTier, type TierKey } from '../../../shared/customer/tier';
import { generateCustomers, type DemoCustomer } from './generate';

export const NOW = Date.UTC(2026, 10, 23, 2); // 2026-11-23 10:00 in the branch (UTC+8)
export const SEED = 20261123;
export const bands = defaultCustomerConfig.tiers;
export const AUM_TYPES = new Set<ProductType>(AUM_PRODUCT_TYPES);

export const take = (count: number, seed = SEED, now = NOW): DemoCustomer[] => [
  ...generateCustomers({ count, seed, now }),
];
export const aumOf = (c: DemoCustomer): number =>
  c.holdings.reduce((sum, h) => sum + (AUM_TYPES.has(h.productType) ? h.balanceFen : 0), 0);
export const tierOf = (c: DemoCustomer): TierKey => classifyTier(aumOf(c), bands).tier;
/** Whole years on NOW in the branch's calendar, without Intl. */
export const ageOf = (birthDate: string): number => {
  const today = new Date(NOW + 8 * 3_600_000).toISOString().slice(0, 10);
  const [by, bmd] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  return Number(today.slice(0, 4)) - by - (today.slice(5) < bmd ? 1 : 0);
};
