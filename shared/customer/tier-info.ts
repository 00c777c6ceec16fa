import type { TierInfo } from '../api/types';
import type { Fen } from '../money';
import { classifyTier, type TierBand } from './tier';

/** A customer's tier as the API shows it: recomputed from AUM with the current bands, so a settings change shows at once. */
export function tierInfo(aumFen: Fen, bands: readonly TierBand[]): TierInfo {
  const t = classifyTier(aumFen, bands);
  return {
    tier: t.tier,
    label: { zh: t.band.zh, en: t.band.en },
    next: t.next
      ? { tier: t.next.tier, label: { zh: t.next.band.zh, en: t.next.band.en }, gapFen: t.next.gapFen }
      : null,
  };
}
