import type { TierKey } from '../customer/tier';
import type { ProductChange } from '../suggest/product-preview';
import type { Bilingual } from '../suggest/text';

/** A count over the branch's customers; `margin` is the 95 % half-width when it was estimated from a sample. */
export interface PreviewEstimate {
  value: number;
  margin: number;
}

export interface ProductPreviewRow {
  code: string;
  name: Bilingual;
  change: ProductChange;
  before: { eligible: PreviewEstimate; suggested: PreviewEstimate };
  after: { eligible: PreviewEstimate; suggested: PreviewEstimate };
  /** Customers it is suggested to, before / after, by tier (after the change), scaled like the totals. */
  byTier: { tier: TierKey; before: number; after: number }[];
}

export interface ProductPreviewExample {
  code: string;
  /** Masked: 陈** and the customer number's last four digits. */
  name: string;
  customerNo: string;
  tier: TierKey;
  aumFen: number;
  before: boolean;
  after: boolean;
}

/**
 * The impact of a product or campaign change (POST /api/settings/preview, `products`). `method: 'all'` = every
 * customer who could be affected was ranked; `'sample'` = a seeded random sample of `examined` among `candidates`,
 * counts scaled up with a 95 % margin. Customers outside the pre-filter (kind, tier and wealth bounds of the
 * products in either version) cannot be affected and are counted as unchanged without being read.
 */
export interface ProductPreview {
  method: 'all' | 'sample';
  customers: number;
  candidates: number;
  examined: number;
  products: ProductPreviewRow[];
  examples: ProductPreviewExample[];
  /** How long the computation took (ms), shown so a manager knows what a bigger branch costs. */
  ms: number;
}
