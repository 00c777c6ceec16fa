import { Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, QueueSnapshot } from '@shared/api/queue';
import { useBilingual } from '../../lib/bilingual';

const MIN_REASON = 2;

interface Props {
  ticket: PublicTicket;
  queues: QueueSnapshot['queues'];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (p: { toQueue: string; reason: string }) => void;
}

/** 转移: the same ticket waits in another queue, keeping its arrival time; the reason is audited. */
export function TransferModal({ ticket, queues, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const targets = queues.filter((q) => q.key !== ticket.queue);
  const [toQueue, setToQueue] = useState(targets[0]?.key ?? '');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const valid = !!toQueue && reason.trim().length >= MIN_REASON;
  const submit = () => {
    setTried(true);
    if (valid) onConfirm({ toQueue, reason: reason.trim() });
  };
  return (
    <Modal
      open
      title={t('counter.transferTitle', { no: ticket.displayNo })}
      okText={t('counter.transferOk')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
    >
      <Radio.Group value={toQueue} onChange={(e) => setToQueue(String(e.target.value))}>
        <Space orientation="vertical">
          {targets.map((q) => (
            <Radio key={q.key} value={q.key} data-testid={`transfer-${q.key}`}>
              <strong>{bi(q)}</strong>{' '}
              <Typography.Text type="secondary">
                {t('counter.queueWaiting', { count: q.waiting })}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 4 }}>
        {t('counter.reason')}
      </Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        value={reason}
        maxLength={200}
        data-testid="transfer-reason"
        placeholder={t('counter.transferReasonPlaceholder')}
        status={tried && !valid ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
      />
      {tried && !valid && <Typography.Text type="danger">{t('counter.reasonRequired')}</Typography.Text>}
    </Modal>
  );
}
