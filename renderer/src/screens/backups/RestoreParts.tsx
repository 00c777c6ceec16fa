import { Alert, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/api/backups';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import { ReasonModal } from '../../components/ReasonModal';
import './text';

const KEY = ['backups'];

/** 恢复此备份…: what a restore means, and the reason, which goes to the audit trail. */
export function RestoreDialog({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ask = useMutation({
    mutationFn: (v: { name: string; reason: string }) => call(routes.backups.restore, { body: v }),
    onSuccess: (s) => {
      qc.setQueryData(KEY, s);
      onClose();
    },
  });
  if (name === null) return null;
  return (
    <ReasonModal
      title={t('backups.restoreAsk', { name })}
      means={t('backups.restoreMeans')}
      okText={t('backups.restoreOk')}
      cancelText={t('backups.cancel')}
      placeholder={t('backups.restoreReason')}
      pending={ask.isPending}
      error={ask.error}
      testId="restore"
      onOk={(reason) => ask.mutate({ name, reason })}
      onCancel={onClose}
    />
  );
}

/** A restore waiting for the next start (with the way to call it off), or what this start did with one. */
export function RestoreState({ s, when }: { s: BackupStatus; when: (at: number) => string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => call(routes.backups.cancelRestore),
    onSuccess: (next) => qc.setQueryData(KEY, next),
  });
  return (
    <>
      {s.pendingRestore && (
        <Alert
          type="warning"
          showIcon
          data-testid="restore-pending"
          title={t('backups.pending', {
            name: s.pendingRestore.name,
            at: when(s.pendingRestore.requestedAt),
          })}
          description={t('backups.pendingHow', { reason: s.pendingRestore.reason })}
          action={
            <Button onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="restore-cancel">
              {t('backups.pendingCancel')}
            </Button>
          }
        />
      )}
      {cancel.error && <Alert type="error" showIcon title={messageOf(cancel.error, i18n.language)} />}
      {s.lastRestore && (
        <Alert
          type={s.lastRestore.ok ? 'success' : 'error'}
          showIcon
          data-testid="restore-last"
          title={
            s.lastRestore.ok
              ? t('backups.restored', { name: s.lastRestore.name, at: when(s.lastRestore.at) })
              : t('backups.restoreFailed', { name: s.lastRestore.name, message: s.lastRestore.message })
          }
        />
      )}
    </>
  );
}
