import { Checkbox, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, QueueSnapshot } from '@shared/api/queue';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import './transfer-text';

const MIN_REASON = 2;

export interface TransferInput {
  toQueue: string;
  reason: string;
  /** Only when the teller changed them. */
  services?: string[];
}

interface Props {
  ticket: PublicTicket;
  /** The visit's services now (the ticket view's). */
  services: readonly string[];
  queues: QueueSnapshot['queues'];
  info: IntentsInfo;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (p: TransferInput) => void;
}

/**
 * 转移: the same ticket waits in another queue, keeping its original ticket time (it is not sent to the back); the
 * reason and the sender go with it to the receiving counter, and the services to do there may be changed. No
 * queue is chosen for the teller: the first one listed (贵宾) was picked by mistake.
 */
export function TransferModal({ ticket, services, queues, info, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const targets = queues.filter((q) => q.key !== ticket.queue);
  const [toQueue, setToQueue] = useState('');
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<string[]>([...services]);
  const [tried, setTried] = useState(false);
  const reasonOk = reason.trim().length >= MIN_REASON;
  const valid = !!toQueue && reasonOk && chosen.length > 0;
  const ordered = [
    ...services.map((k) => info.intents.find((i) => i.key === k)).filter((i) => i !== undefined),
    ...info.intents.filter((i) => !services.includes(i.key)),
  ];
  const submit = () => {
    setTried(true);
    if (!valid) return;
    const changed = chosen.length !== services.length || chosen.some((s) => !services.includes(s));
    onConfirm({ toQueue, reason: reason.trim(), ...(changed ? { services: chosen } : {}) });
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
      {tried && !toQueue && (
        <div>
          <Typography.Text type="danger" data-testid="transfer-pick-queue">
            {t('transferCtx.pickQueue')}
          </Typography.Text>
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('transferCtx.keepsPlace')}
      </Typography.Paragraph>
      <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 4 }}>
        {t('transferCtx.services')}
      </Typography.Paragraph>
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v.map(String))} style={{ width: '100%' }}>
        <div className="counter-services" data-testid="transfer-services">
          {ordered.map((i) => (
            <Checkbox key={i.key} value={i.key} data-testid={`transfer-service-${i.key}`}>
              {bi(i)}
            </Checkbox>
          ))}
        </div>
      </Checkbox.Group>
      {tried && chosen.length === 0 && (
        <Typography.Text type="danger">{t('transferCtx.servicesRequired')}</Typography.Text>
      )}
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
        status={tried && !reasonOk ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
      />
      {tried && !reasonOk && <Typography.Text type="danger">{t('counter.reasonRequired')}</Typography.Text>}
    </Modal>
  );
}
