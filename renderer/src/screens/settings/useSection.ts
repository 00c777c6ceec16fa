import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { saveSection, SettingsRefused } from './api';
import type { FieldIssue } from './issues';

export interface SectionState {
  issues: FieldIssue[];
  refusedBy: 'client' | 'server';
  /** A failure that is not about the values (offline, no permission). */
  error: string | null;
  note: string;
  setNote: (n: string) => void;
  save: () => void;
  saving: boolean;
}

/** Saving one settings section: the note, the refusal's issues, the success message. */
export function useSection(paths: readonly string[], reader: () => (path: string) => unknown): SectionState {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [refusedBy, setRefusedBy] = useState<'client' | 'server'>('client');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => saveSection(qc, paths, reader(), note),
    onMutate: () => {
      setError(null);
    },
    onSuccess: (saved) => {
      setIssues([]);
      setNote('');
      void message.success(t('settings.saved', { version: saved.version }));
    },
    onError: (e) => {
      if (e instanceof SettingsRefused) {
        setIssues(e.issues);
        setRefusedBy(e.by);
      } else setError(messageOf(e, i18n.language));
    },
  });
  return {
    issues,
    refusedBy,
    error,
    note,
    setNote,
    save: () => m.mutate(),
    saving: m.isPending,
  };
}
