import { z } from 'zod';
import { CUSTOMER_KINDS, PRODUCT_TYPES, RISK_LEVELS, SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { bilingualSchema, unknownPlaceholders } from './text';

/**
 * Goal tags the tier, lifecycle and linked-entity rules look for (seed 004 §02). Products carry
 * them in `goals`; free-form need tags (savings, education, settlement…) go in `tags`. Both are
 * plain strings so a bank can add its own; these are the ones the default config uses.
 */
export const KNOWN_GOALS = [
  'reach_next_tier',
  'activate_e_channel',
  'short_term_wealth',
  'loyalty',
  'structured_allocation',
  'family_wealth',
  'public_private_link',
  'reactivation',
  'onboarding',
] as const;

const tagSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, '标签只能用小写字母、数字和下划线 / tags are lower-case snake_case');

export const productSchema = z
  .object({
    /** Stable code, also stored on holdings and on suggestion outcomes. */
    code: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[A-Z0-9_]+$/, '产品代码只能用大写字母、数字和下划线 / product codes are UPPER_SNAKE_CASE'),
    name: bilingualSchema,
    type: z.enum(PRODUCT_TYPES),
    /** R1–R5 for investment products (适当性); null for anything that is not an investment. */
    riskLevel: z.literal(RISK_LEVELS).nullable(),
    investment: z.boolean(),
    /** false = service information only (e.g. helping activate mobile banking): allowed without marketing consent. */
    marketing: z.boolean(),
    kinds: z.array(z.enum(CUSTOMER_KINDS)).min(1),
    /** Tier-exclusive product (e.g. 私行专属): a hard eligibility filter when set. */
    tiers: z.array(z.enum(TIER_KEYS)).min(1).optional(),
    /** Segments the product is designed for: scores when one matches; a hard filter only with `segmentsRequired`. */
    segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
    segmentsRequired: z.boolean().optional(),
    /** Minimum purchase (起购金额) for products bought with the customer's money, or minimum loan size. */
    minAmountFen: z.number().int().nonnegative().optional(),
    minAge: z.number().int().min(0).max(150).optional(),
    maxAge: z.number().int().min(0).max(150).optional(),
    /**
     * Wealth fit (Step 15), a hard filter on the customer's AUM here: an annuity is not for someone with
     * ¥3,000 (`minAumFen`), a "每月100元起定投" plan is not the line for a private-banking client (`maxAumFen`).
     */
    minAumFen: z.number().int().nonnegative().optional(),
    maxAumFen: z.number().int().nonnegative().optional(),
    /** What the teller says; may use {gap}, {tierNext} and {name}. */
    pitch: bilingualSchema,
    goals: z.array(tagSchema).optional(),
    tags: z.array(tagSchema).optional(),
    /** The customer may buy more of it while holding it (deposits, open-ended funds, new issues of a series). */
    allowTopUp: z.boolean().optional(),
    /** false = retired from the catalogue but kept for history; absent means active. */
    active: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.investment !== (p.riskLevel !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['riskLevel'],
        message:
          '投资类产品必须有风险等级，非投资类不应有 / investment products have a risk level, others have none',
      });
    }
    if (p.minAge !== undefined && p.maxAge !== undefined && p.minAge > p.maxAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: '年龄上限须不小于下限 / maxAge must be ≥ minAge',
      });
    }
    if (p.minAumFen !== undefined && p.maxAumFen !== undefined && p.minAumFen > p.maxAumFen) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAumFen'],
        message: '资产上限须不小于下限 / maxAumFen must be ≥ minAumFen',
      });
    }
    if (p.segmentsRequired && !p.segments) {
      ctx.addIssue({
        code: 'custom',
        path: ['segmentsRequired'],
        message: '要求客群时必须列出客群 / segmentsRequired needs segments',
      });
    }
    for (const lang of ['zh', 'en'] as const) {
      const bad = unknownPlaceholders(p.pitch[lang]);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['pitch', lang],
          message: `未知占位符 / unknown placeholder: ${bad.join(', ')}`,
        });
      }
    }
  });
export type Product = z.infer<typeof productSchema>;

export const productsSchema = z.array(productSchema).superRefine((products, ctx) => {
  const seen = new Set<string>();
  products.forEach((p, i) => {
    if (seen.has(p.code)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'code'],
        message: `产品代码重复 / duplicate product code ${p.code}`,
      });
    }
    seen.add(p.code);
  });
});
