import { halfWidthKey } from '@shared/customer/typed-input';

/**
 * The keys that toggle the services, in the order the services are configured: the number row from 1 to 9, then
 * 0, - and = to its right, so the 10th to 12th services (外汇, 对公结算, 投诉 by default) need no mouse either.
 */
export const INTENT_KEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];

/** The index of the service a key toggles (a full-width IME's `１` too), or -1. */
export function intentIndexForKey(key: string): number {
  return INTENT_KEYS.indexOf(halfWidthKey(key));
}
