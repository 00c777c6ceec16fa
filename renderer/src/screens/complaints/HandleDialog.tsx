import { Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '@shared/api/visit';

interface Props {
  complaint: ComplaintView;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (c: { status: 'in_progress' | 'resolved'; resolution: string }) => void;
}

/** 处理投诉: mark it in progress, or resolve it with what was done (required to resolve). */
export function HandleDialog({ complaint, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'in_progress' | 'resolved'>('resolved');
  const [resolution, setResolution] = useState(complaint.resolution ?? '');
  const [tried, setTried] = useState(false);
  const valid = status === 'in_progress' || resolution.trim().length > 0;
  const submit = () => {
    setTried(true);
    if (valid) onConfirm({ status, resolution: resolution.trim() });
  };
  return (
    <Modal
      open
      title={`${t('complaints.handleTitle')} · ${complaint.customerName ?? t('complaints.anonymous')}`}
      okText={t('complaints.save')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>{complaint.description}</Typography.Paragraph>
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
        <Radio value="in_progress">{t('complaints.status.in_progress')}</Radio>
        <Radio value="resolved" data-testid="complaint-resolved">
          {t('complaints.status.resolved')}
        </Radio>
      </Radio.Group>
      <Typography.Paragraph strong style={{ margin: '16px 0 4px' }}>
        {t('complaints.resolution')}
      </Typography.Paragraph>
      <Input.TextArea
        autoFocus
        rows={3}
        maxLength={500}
        value={resolution}
        data-testid="complaint-resolution"
        placeholder={t('complaints.resolutionPlaceholder')}
        status={tried && !valid ? 'error' : undefined}
        onChange={(e) => setResolution(e.target.value)}
      />
      {tried && !valid && (
        <Typography.Text type="danger">{t('complaints.resolutionRequired')}</Typography.Text>
      )}
    </Modal>
  );
}
