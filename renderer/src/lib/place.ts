import type { Bilingual } from '@shared/triage/channel';
import { pickLang } from './bilingual';

/**
 * "柜台 · 个人业务": the channel and, when it says more, the queue. A queue named like its channel
 * ("贵宾室 · 贵宾") is left out.
 */
export function placeLabel(
  channel: Bilingual | undefined,
  queue: Bilingual | undefined,
  lang: string,
): string {
  const c = channel ? pickLang(channel, lang) : '';
  const q = queue ? pickLang(queue, lang) : '';
  if (!c) return q;
  if (!q || c.toLowerCase().includes(q.toLowerCase())) return c;
  return `${c} · ${q}`;
}
