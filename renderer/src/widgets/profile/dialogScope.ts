import { createContext, useCallback, useContext, useId, useLayoutEffect, useState } from 'react';

type Report = (id: string, open: boolean) => void;

/**
 * Dialogs deep inside the profile (reveal, outcome, complaint) tell the panel they are open, so the screen's
 * shortcuts (F1–F7 at the counter, A/S/D/F on suggestions) wait while the dialog has the keyboard.
 */
export const DialogScope = createContext<Report | null>(null);

/**
 * Call in a component that shows a dialog while `open`. A layout effect, not a passive one: the screen's keys come
 * back in the same commit as the dialog goes. With passive effects (two of them, up to the counter) they came back
 * only after the next paint; on a loaded machine a teller's F4 right after saving a decline was silently ignored.
 */
export function useDialogOpen(open: boolean): void {
  const report = useContext(DialogScope);
  const id = useId();
  useLayoutEffect(() => {
    report?.(id, open);
    return () => report?.(id, false);
  }, [report, id, open]);
}

/** The provider's side: the report function and whether any dialog in the scope is open. */
export function useDialogScope(): { report: Report; anyOpen: boolean } {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const report = useCallback<Report>((id, isOpen) => {
    setOpen((s) => {
      if (s.has(id) === isOpen) return s;
      const next = new Set(s);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  return { report, anyOpen: open.size > 0 };
}
