import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/client';

/** The floor of every reason route (restore, revoke): the button waits for a reason that will pass. */
const MIN_REASON = 4;

export interface ReasonModalProps {
  title: string;
  /** What the action means, said before anyone types. */
  means: string;
  okText: string;
  cancelText: string;
  placeholder: string;
  pending: boolean;
  error: unknown;
  /** `${testId}-ok` and `${testId}-reason`. */
  testId: string;
  onOk: (reason: string) => void;
  onCancel: () => void;
}

/** A grave action that asks why first (the reason goes to the audit trail): restoring a backup, revoking a terminal. */
export function ReasonModal(p: ReasonModalProps) {
  const { i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const ok = reason.trim().length >= MIN_REASON;
  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      cancelText={p.cancelText}
      okButtonProps={{ danger: true, disabled: !ok, loading: p.pending, 'data-testid': `${p.testId}-ok` }}
      onOk={() => ok && !p.pending && p.onOk(reason.trim())}
      onCancel={p.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>{p.means}</Typography.Paragraph>
      <Input.TextArea
        autoFocus
        rows={2}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={p.placeholder}
        aria-label={p.placeholder}
        data-testid={`${p.testId}-reason`}
      />
      {p.error !== null && p.error !== undefined && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={messageOf(p.error, i18n.language)} />
      )}
    </Modal>
  );
}
