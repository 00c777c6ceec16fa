import { z } from 'zod';
import { CONSENT_PURPOSES } from '../customer/consent';

/**
 * Walk-in prospects (Step 15): how soon an RM should call a walk-in who left a name and phone, and which consent
 * text the walk-in reads (the purpose's words and scopes are in the consent settings).
 */
export const prospectConfigSchema = z.object({
  /** Days from the visit by which the RM's follow-up call is due. */
  followUpDays: z.number().int().min(0).max(30),
  /** The consent purpose a prospect gives: contact about products (营销联系). */
  purpose: z.enum(CONSENT_PURPOSES),
});
export type ProspectConfig = z.infer<typeof prospectConfigSchema>;

export const defaultProspectConfig: ProspectConfig = { followUpDays: 2, purpose: 'marketing' };
