import { z } from 'zod';
import type { Fen } from '../money';

export const TIER_KEYS = ['potential', 'effective', 'mid', 'high', 'private'] as const;
export type TierKey = (typeof TIER_KEYS)[number];

export const tierBandSchema = z.object({
  key: z.enum(TIER_KEYS),
  /** Lower bound, inclusive, in fen. */
  minFen: z.number().int().nonnegative(),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type TierBand = z.infer<typeof tierBandSchema>;

export const tierBandsSchema = z
  .array(tierBandSchema)
  .min(2)
  .superRefine((bands, ctx) => {
    if (bands[0]?.minFen !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: [0, 'minFen'],
        message: '最低层级下限必须为0 / the lowest band must start at 0',
      });
    }
    for (let i = 1; i < bands.length; i++) {
      if ((bands[i]?.minFen ?? 0) <= (bands[i - 1]?.minFen ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minFen'],
          message: '层级下限必须严格递增 / band lower bounds must increase strictly',
        });
      }
    }
    const keys = new Set(bands.map((b) => b.key));
    if (keys.size !== bands.length) {
      ctx.addIssue({ code: 'custom', path: [], message: '层级不能重复 / each tier appears once' });
    }
  });

export interface TierResult {
  tier: TierKey;
  band: TierBand;
  /** The next band up and how much more AUM reaches it; null at the top tier. */
  next: { tier: TierKey; band: TierBand; gapFen: Fen } | null;
}

/** Bands must be ascending (the config schema guarantees it). */
export function classifyTier(aumFen: Fen, bands: readonly TierBand[]): TierResult {
  let idx = 0;
  for (let i = 0; i < bands.length; i++) {
    if (aumFen >= (bands[i] as TierBand).minFen) idx = i;
    else break;
  }
  const band = bands[idx] as TierBand;
  const nextBand = bands[idx + 1];
  return {
    tier: band.key,
    band,
    next: nextBand
      ? { tier: nextBand.key, band: nextBand, gapFen: nextBand.minFen - Math.max(0, aumFen) }
      : null,
  };
}

export function tierRank(tier: TierKey, bands: readonly TierBand[]): number {
  return bands.findIndex((b) => b.key === tier);
}
