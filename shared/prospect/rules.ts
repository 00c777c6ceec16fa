import { z } from 'zod';
import { CONSENT_CHANNELS, consentScopeSchema } from '../customer/consent';
import { validateMobile } from '../customer/ids';
import { scrubPii } from '../customer/mask';
import type { ProspectConfig } from './config';

/**
 * Walk-in prospects (Step 15, PIPL): a walk-in who is not a customer may leave a name and phone so an RM can follow
 * up — only with consent. The rules here are pure: what a request must hold, when the call is due, which status
 * changes are allowed, and what is left of a prospect after a withdrawal (nothing that identifies the person).
 */

export const PROSPECT_STATUSES = ['open', 'contacted', 'closed', 'converted', 'withdrawn'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

/** What the RM can set when working a prospect; `converted` comes from the link, `withdrawn` from a withdrawal. */
export const PROSPECT_CLOSINGS = ['contacted', 'closed'] as const;
export type ProspectClosing = (typeof PROSPECT_CLOSINGS)[number];

const DAY_MS = 86_400_000;

/** A name as a person is called: letters, the middle dot and spaces; digits would be a number typed in the wrong box. */
const nameSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/gu, ' ').trim())
  .refine((s) => s.length >= 1 && s.length <= 40, '姓名为 1–40 个字 / a name of 1–40 characters')
  .refine((s) => !/\p{N}/u.test(s), '姓名不能含数字 / a name has no digits');

/** The mobile number, normalised (full-width digits, +86, spaces); rejected with the bilingual message otherwise. */
const phoneSchema = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const r = validateMobile(raw.normalize('NFKC'));
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${r.zh} / ${r.en}` });
      return z.NEVER;
    }
    return r.value;
  });

/** POST /api/prospects: the walk-in's name, phone and intent, and the consent they gave having read the text. */
export const prospectRequest = z
  .object({
    name: nameSchema,
    phone: phoneSchema,
    intent: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/)
      .optional(),
    note: z.string().max(200).transform(scrubPii).optional(),
    assigneeId: z.string().min(1).max(64).optional(),
    consent: z
      .object({
        /** Must be true: a prospect without consent is not kept (checked with its own bilingual refusal). */
        granted: z.boolean(),
        scope: consentScopeSchema,
        channel: z.enum(CONSENT_CHANNELS),
        textVersion: z.string().min(1).max(40),
      })
      .strict(),
  })
  .strict();
export type ProspectRequest = z.input<typeof prospectRequest>;

export const prospectQuery = z.object({
  status: z.enum(['open', 'all']).optional(),
  /** A manager's whole-branch view (RMs see theirs and the unassigned). */
  all: z.enum(['0', '1']).optional(),
});

export const prospectCloseRequest = z
  .object({
    status: z.enum(PROSPECT_CLOSINGS),
    note: z.string().max(200).transform(scrubPii).optional(),
  })
  .strict();

export const prospectWithdrawRequest = z
  .object({ channel: z.enum(CONSENT_CHANNELS), textVersion: z.string().min(1).max(40) })
  .strict();

/** When the RM's call is due: the visit plus the configured days. */
export function prospectDueAt(createdAt: number, cfg: Pick<ProspectConfig, 'followUpDays'>): number {
  return createdAt + cfg.followUpDays * DAY_MS;
}

/** Why a status change is refused, or null when it is allowed. */
export function prospectChangeRefusal(
  from: ProspectStatus,
  to: ProspectStatus,
): { code: string; zh: string; en: string } | null {
  if (from === 'withdrawn') {
    return {
      code: 'prospect_withdrawn',
      zh: '客户已撤回同意，信息已删除',
      en: 'The person withdrew consent; their details are erased',
    };
  }
  if (to === 'withdrawn') return null;
  if (from !== 'open' && to !== 'converted') {
    return { code: 'prospect_not_open', zh: '该潜在客户已处理', en: 'This prospect was already handled' };
  }
  return null;
}

/** Whether a prospect is still someone to call. */
export const prospectIsOpen = (s: ProspectStatus): boolean => s === 'open';

/** What stays of a prospect after a withdrawal: no name, no phone — only that there was one and when. */
export const ERASED_NAME = '—';
export function erasedProspect<
  T extends { name: string; phoneHash: string | null; phoneMasked: string | null },
>(p: T): T & { phoneEnc: null; note: null } {
  return { ...p, name: ERASED_NAME, phoneHash: null, phoneMasked: null, phoneEnc: null, note: null };
}
