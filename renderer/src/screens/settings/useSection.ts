import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { prepareSection, sendChange, SettingsRefused, type PendingChange } from './api';
import type { FieldIssue } from './issues';

export interface SectionState {
  issues: FieldIssue[];
  refusedBy: 'client' | 'server';
  /** A failure that is not about the values (offline, no permission). */
  error: string | null;
  note: string;
  setNote: (n: string) => void;
  /** A scheduled change: the local date-time it takes effect (empty: at once). */
  effectiveAt: string;
  setEffectiveAt: (v: string) => void;
  /** The description was left blank when saving was asked for. */
  noteMissing: boolean;
  /** Checks the values and the description, then opens the confirmation (with the change's impact). */
  save: () => void;
  /** The change waiting for confirmation. */
  pending: PendingChange | null;
  confirm: () => void;
  cancel: () => void;
  saving: boolean;
}

/** Saving one settings section: description, checks, a confirmation showing the change, then the new version. */
export function useSection(paths: readonly string[], reader: () => (path: string) => unknown): SectionState {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [refusedBy, setRefusedBy] = useState<'client' | 'server'>('client');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [effectiveAt, setEffectiveAt] = useState('');
  const [pending, setPending] = useState<PendingChange | null>(null);
  const onError = (e: Error) => {
    setPending(null);
    if (e instanceof SettingsRefused) {
      setIssues(e.issues);
      setRefusedBy(e.by);
    } else setError(messageOf(e, i18n.language));
  };
  const prepare = useMutation({
    mutationFn: () => prepareSection(qc, paths, reader()),
    onMutate: () => setError(null),
    onSuccess: (p) => {
      setIssues([]);
      setPending(p);
    },
    onError,
  });
  const send = useMutation({
    mutationFn: (p: PendingChange) =>
      sendChange(qc, p.next, note, effectiveAt ? new Date(effectiveAt).getTime() : null),
    onSuccess: (saved) => {
      setIssues([]);
      setNote('');
      setEffectiveAt('');
      setPending(null);
      void message.success(t('settings.saved', { version: saved.version }));
    },
    onError,
  });
  return {
    issues,
    refusedBy,
    error,
    note,
    setNote: (n) => {
      setNote(n);
      if (n.trim()) setNoteMissing(false);
    },
    noteMissing,
    effectiveAt,
    setEffectiveAt,
    save: () => {
      if (!note.trim()) {
        setNoteMissing(true);
        return;
      }
      prepare.mutate();
    },
    pending,
    confirm: () => pending && send.mutate(pending),
    cancel: () => setPending(null),
    saving: prepare.isPending || send.isPending,
  };
}
