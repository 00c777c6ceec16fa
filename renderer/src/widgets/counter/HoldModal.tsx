import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  displayNo: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** 暂挂: park the ticket at this counter (the customer fetches a document, a check is pending). */
export function HoldModal({ displayNo, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = () => onConfirm(reason.trim());
  return (
    <Modal
      open
      title={t('counter.holdTitle', { no: displayNo })}
      okText={t('counter.holdOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
    >
      <Typography.Paragraph type="secondary">{t('counter.holdHint')}</Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        value={reason}
        maxLength={200}
        data-testid="hold-reason"
        placeholder={t('counter.holdReasonPlaceholder')}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
      />
    </Modal>
  );
}
