import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '@shared/api/backups';
import { routes } from '@shared/api/routes';
import { call, messageOf } from '../../api/client';
import './text';

const KEY = ['backups'];
/** The route's own floor (shared/api/backups.ts): the button waits for a reason that will pass. */
const MIN_REASON = 4;

/** 恢复此备份…: what a restore means, and the reason, which goes to the audit trail. */
export function RestoreDialog({ name, onClose }: { name: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const ask = useMutation({
    mutationFn: (v: { name: string; reason: string }) => call(routes.backups.restore, { body: v }),
    onSuccess: (s) => {
      qc.setQueryData(KEY, s);
      setReason('');
      onClose();
    },
  });
  const ok = reason.trim().length >= MIN_REASON;
  return (
    <Modal
      open={name !== null}
      title={t('backups.restoreAsk', { name })}
      okText={t('backups.restoreOk')}
      cancelText={t('backups.cancel')}
      okButtonProps={{ danger: true, disabled: !ok, loading: ask.isPending, 'data-testid': 'restore-ok' }}
      onOk={() => name && ask.mutate({ name, reason: reason.trim() })}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('backups.restoreMeans')}</Typography.Paragraph>
      <Input.TextArea
        autoFocus
        rows={2}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('backups.restoreReason')}
        aria-label={t('backups.restoreReason')}
        data-testid="restore-reason"
      />
      {ask.error && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={messageOf(ask.error, i18n.language)} />
      )}
    </Modal>
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
