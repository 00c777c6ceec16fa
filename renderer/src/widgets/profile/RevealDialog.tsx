import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const MIN_REASON = 2;

interface Props {
  fieldLabel: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** 查看完整证件号/手机号: a reason first; the server writes it to the audit log with who and when. */
export function RevealDialog({ fieldLabel, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const valid = reason.trim().length >= MIN_REASON;
  const quick = t('profile.revealQuick', { returnObjects: true }) as string[];
  const submit = () => {
    setTried(true);
    if (valid) onConfirm(reason.trim());
  };
  return (
    <Modal
      open
      title={t('profile.revealTitle', { field: fieldLabel })}
      okText={t('profile.revealOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('profile.revealWarn')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('profile.revealReason')}
      </Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        value={reason}
        maxLength={200}
        data-testid="reveal-reason"
        placeholder={t('profile.revealReasonPlaceholder')}
        status={tried && !valid ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
      />
      {tried && !valid && (
        <Typography.Text type="danger">{t('profile.revealReasonRequired')}</Typography.Text>
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {quick.map((q) => (
          <Button key={q} size="small" onClick={() => setReason(q)}>
            {q}
          </Button>
        ))}
      </Space>
    </Modal>
  );
}
