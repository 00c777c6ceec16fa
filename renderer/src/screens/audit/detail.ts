import { scrubPii } from '@shared/customer/mask';

/**
 * One audit row's detail as short "key: value" parts. The server stores masked values only; strings
 * are scrubbed again here so a reason or detail typed with a full number never shows one on screen.
 */
export function detailParts(
  detail: Record<string, unknown>,
  formatTime: (ms: number) => string,
): { key: string; value: string }[] {
  return Object.entries(detail).map(([key, v]) => {
    if (typeof v === 'number' && /(^at$|At$|^from$|^to$|until)/i.test(key) && v > 1e12 && v < 1e13)
      return { key, value: formatTime(v) };
    if (typeof v === 'string') return { key, value: scrubPii(v) };
    return { key, value: scrubPii(JSON.stringify(v)) };
  });
}
