import { useEffect, useEffectEvent } from 'react';

export type HotkeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

const TEXT_TYPES = new Set(['text', 'search', 'tel', 'number', 'password', 'email', 'url', '']);

/** A field where typed characters (and Enter) belong to the field, not to the screen's shortcuts. */
export function isTextTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return TEXT_TYPES.has(t.type);
  return t.getAttribute('role') === 'combobox';
}

/** Enter on a focused button or link is that control's own click. */
export function isClickable(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && !!t.closest('button, a[href], [role="button"], [role="option"]');
}

/**
 * Screen-wide keyboard shortcuts keyed by `KeyboardEvent.key` ('F1', 'Enter', 'Escape', '1').
 * Function keys and Escape work everywhere; other keys only when the focus is not in a text field,
 * so a card swipe into the lookup field never toggles anything. A handled key's browser default
 * (F1 help, F5 reload, F3 find) is suppressed.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!enabled || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const fn = map[e.key];
    if (!fn) return;
    const global = /^F\d{1,2}$/.test(e.key) || e.key === 'Escape';
    if (!global && isTextTarget(e.target)) return;
    if (e.key === 'Enter' && isClickable(e.target)) return;
    e.preventDefault();
    fn(e);
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);
}
