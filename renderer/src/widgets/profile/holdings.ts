import type { HoldingView } from '@shared/api/types';
import type { ProductType } from '@shared/customer/enums';
import { PRODUCT_TYPES } from '@shared/customer/enums';

export interface HoldingGroup {
  type: ProductType;
  count: number;
  balanceFen: number;
}

/** Holdings summed by product type, in the catalogue's type order (deposits first, services last). */
export function groupHoldings(holdings: readonly HoldingView[]): HoldingGroup[] {
  const by = new Map<ProductType, HoldingGroup>();
  for (const h of holdings) {
    const g = by.get(h.productType) ?? { type: h.productType, count: 0, balanceFen: 0 };
    g.count += 1;
    g.balanceFen += h.balanceFen;
    by.set(h.productType, g);
  }
  return PRODUCT_TYPES.flatMap((t) => {
    const g = by.get(t);
    return g ? [g] : [];
  });
}
