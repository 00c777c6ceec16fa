import { Alert, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorTicket } from '@shared/api/floor';
import type { QueueDef } from '@shared/queue/config';
import { useBilingual } from '../../lib/bilingual';

// The server refuses shorter reasons.
const MIN_REASON = 2;

interface Props {
  kind: 'cancel' | 'move';
  ticket: FloorTicket;
  queues: readonly QueueDef[];
  busy: boolean;
  /** The server's refusal of the last try. */
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string, toQueue: string | null) => void;
}

/**
 * Cancel or move a ticket, with the reason the audit keeps. Keyboard: the queue choice has the focus first
 * (arrows), Tab to the reason, Enter confirms, Esc closes. Mounted only while open.
 */
export function FloorDialog({ kind, ticket, queues, busy, error, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const [toQueue, setToQueue] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reasonOk = reason.trim().length >= MIN_REASON;
  const queueOk = kind === 'cancel' || toQueue !== null;
  const submit = () => {
    setTried(true);
    if (reasonOk && queueOk) onSubmit(reason.trim(), kind === 'move' ? toQueue : null);
  };
  const others = queues.filter((q) => q.key !== ticket.queue);
  return (
    <Modal
      open
      title={t(kind === 'cancel' ? 'floor.cancelTitle' : 'floor.moveTitle', { no: ticket.displayNo })}
      okText={t('floor.confirm')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
      data-testid={`floor-${kind}-dialog`}
    >
      {kind === 'move' && (
        <Radio.Group value={toQueue} onChange={(e) => setToQueue(String(e.target.value))}>
          <Space orientation="vertical">
            {others.map((q, i) => (
              <Radio key={q.key} value={q.key} autoFocus={i === 0} data-testid={`move-to-${q.key}`}>
                <strong>{bi(q)}</strong>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {kind === 'move' && tried && !queueOk && (
        <Typography.Paragraph type="danger" style={{ margin: 0 }}>
          {t('floor.pickQueue')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph strong style={{ marginTop: kind === 'move' ? 16 : 0, marginBottom: 4 }}>
        {t('floor.reason')}
      </Typography.Paragraph>
      <Input
        size="large"
        autoFocus={kind === 'cancel'}
        value={reason}
        maxLength={200}
        data-testid="floor-reason"
        placeholder={t(kind === 'cancel' ? 'floor.cancelPlaceholder' : 'floor.movePlaceholder')}
        status={tried && !reasonOk ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
      />
      {tried && !reasonOk && <Typography.Text type="danger">{t('floor.reasonRequired')}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
