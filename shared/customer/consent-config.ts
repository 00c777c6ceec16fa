import { z } from 'zod';
import { bilingualSchema } from '../suggest/text';
import { CONSENT_PURPOSES, consentScopeSchema } from './consent';

/**
 * The consent texts the customer reads at the desk (printed or on screen), per purpose, with their scopes. A new
 * `version` whenever the words change: every recorded event names the version the customer read.
 */
const purposeText = z.object({
  title: bilingualSchema,
  /** What the data is used for and how, said plainly (目的和范围). */
  text: bilingualSchema,
  scopes: z
    .array(z.object({ key: consentScopeSchema, label: bilingualSchema }))
    .min(1)
    .max(10),
});

export const consentConfigSchema = z.object({
  version: z.string().min(1).max(40),
  purposes: z.record(z.enum(CONSENT_PURPOSES), purposeText),
});
export type ConsentConfig = z.infer<typeof consentConfigSchema>;

export const defaultConsentConfig: ConsentConfig = {
  version: '2026-12',
  purposes: {
    marketing: {
      title: { zh: '营销联系', en: 'Marketing contact' },
      text: {
        zh: '本人同意本行通过所选方式向本人介绍产品和活动。本人可随时在网点或通过客服撤回，撤回后不再收到营销联系，不影响已办理的业务。',
        en: 'I agree that the bank may tell me about products and offers by the chosen means. I can withdraw at any time at a branch or through customer service; withdrawing stops marketing contact and does not affect my existing services.',
      },
      scopes: [
        { key: 'all', label: { zh: '电话、短信及到店', en: 'Phone, SMS and in branch' } },
        { key: 'in_branch', label: { zh: '仅到店时', en: 'Only in branch' } },
        { key: 'sms', label: { zh: '仅短信', en: 'SMS only' } },
      ],
    },
    suggestions: {
      title: { zh: '基于持有产品的推荐', en: 'Suggestions based on holdings' },
      text: {
        zh: '本人同意本行使用本人在本行的资产和持有产品信息，为本人挑选合适的产品建议。撤回后，柜员只介绍本次业务所需的服务信息。',
        en: 'I agree that the bank may use my balances and holdings here to pick suitable product suggestions for me. After withdrawal, staff only give the service information needed for my visit.',
      },
      scopes: [{ key: 'holdings', label: { zh: '资产及持有产品', en: 'Balances and holdings' } }],
    },
    corporate_sharing: {
      title: { zh: '公私联动信息共享', en: 'Sharing with the corporate side' },
      text: {
        zh: '本人同意本行在对公与个人业务之间共享本人的必要信息（如代发工资、关联企业），用于为本人及关联企业提供综合服务。',
        en: 'I agree that the bank may share my necessary information between its corporate and personal services (e.g. payroll, linked company) to serve me and the linked company together.',
      },
      scopes: [{ key: 'linked_company', label: { zh: '关联企业', en: 'Linked company' } }],
    },
  },
};
