/** Service channels of a branch (DOMAIN.md §2): VIP room, teller counter, corporate counter, self-service area. */
export const CHANNELS = ['vip', 'counter', 'corporate', 'self'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A text shown to staff, in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}
