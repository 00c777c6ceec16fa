import { Alert, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeChanges } from '@shared/config/human-diff';
import type { PendingChange } from './api';

interface Props {
  change: PendingChange;
  note: string;
  saving: boolean;
  /** What the change would do (customers moving tiers, triage decisions changing…), if this section can tell. */
  impact?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last look before a new version: what changes, in words, and its impact; saving needs this confirmation. */
export function ConfirmSave({ change, note, saving, impact, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const lines = describeChanges(change.before.config, change.next);
  return (
    <Modal
      open
      width={900}
      title={t('settings.confirm.title', { version: change.before.version + 1 })}
      okText={t('settings.confirm.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'confirm-save', disabled: lines.length === 0 }}
      confirmLoading={saving}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="confirm-dialog">
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('settings.note')}：</Typography.Text>
          <Typography.Text strong data-testid="confirm-note">
            {note}
          </Typography.Text>
        </Typography.Paragraph>
        {lines.length === 0 ? (
          <Alert type="info" showIcon title={t('settings.confirm.nothing')} />
        ) : (
          <>
            <Typography.Title level={5}>
              {t('settings.confirm.changes', { count: lines.length })}
            </Typography.Title>
            <ul data-testid="confirm-changes" style={{ paddingInlineStart: 20 }}>
              {lines.map((l, i) => (
                <li key={i}>{l[lang]}</li>
              ))}
            </ul>
          </>
        )}
        {lines.length > 0 && impact}
      </div>
    </Modal>
  );
}
