import { z } from 'zod';
import { tierBandsSchema } from './tier';

/** Lifecycle thresholds in days since the last visit or transaction (seed 004 §02). */
export const lifecycleConfigSchema = z
  .object({
    newWithinDays: z.number().int().positive(),
    activeWithinDays: z.number().int().positive(),
    lowFrequencyWithinDays: z.number().int().positive(),
    dormantWithinDays: z.number().int().positive(),
  })
  .refine(
    (c) => c.activeWithinDays < c.lowFrequencyWithinDays && c.lowFrequencyWithinDays < c.dormantWithinDays,
    {
      message: '生命周期阈值须递增 / lifecycle thresholds must increase',
    },
  );

function isRegExp(src: string): boolean {
  try {
    new RegExp(src);
    return true;
  } catch {
    return false;
  }
}

export const customerConfigSchema = z.object({
  tiers: tierBandsSchema,
  /** Age at which a customer counts as elderly for lobby priority (老年客户). */
  elderlyAge: z.number().int().min(50).max(90),
  lifecycle: lifecycleConfigSchema,
  /** Core-banking customer numbers, so a lookup can tell them from card numbers. */
  customerNoPattern: z
    .string()
    .min(1)
    .max(200)
    .refine(isRegExp, '不是有效的正则表达式 / not a valid regular expression'),
});
export type CustomerConfig = z.infer<typeof customerConfigSchema>;

const yuan = (n: number) => n * 100;

export const defaultCustomerConfig: CustomerConfig = {
  tiers: [
    { key: 'potential', minFen: 0, zh: '潜力客户', en: 'Potential' },
    { key: 'effective', minFen: yuan(10_000), zh: '有效客户', en: 'Effective' },
    { key: 'mid', minFen: yuan(50_000), zh: '中端客户', en: 'Mid-tier' },
    { key: 'high', minFen: yuan(500_000), zh: '高端客户', en: 'High-end' },
    { key: 'private', minFen: yuan(6_000_000), zh: '私行客户', en: 'Private banking' },
  ],
  elderlyAge: 60,
  lifecycle: { newWithinDays: 30, activeWithinDays: 90, lowFrequencyWithinDays: 180, dormantWithinDays: 730 },
  customerNoPattern: '^C\\d{9}$',
};
