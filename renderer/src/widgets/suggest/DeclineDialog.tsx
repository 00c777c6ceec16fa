import { Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitConfig } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';

interface Props {
  product: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (c: { reason: string; note: string }) => void;
}

/** 拒绝: a reason from the branch's list (keys 1–9 pick one) and, if useful, the customer's words. */
export function DeclineDialog({ product, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const config = useVisitConfig();
  const reasons = config.data?.declineReasons ?? [];
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (reason) onConfirm({ reason, note: note.trim() });
  };
  return (
    <Modal
      open
      title={t('suggest.declinedTitle', { product })}
      okText={t('suggest.saveDecline')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      destroyOnHidden
    >
      <div
        data-testid="decline-dialog"
        onKeyDown={(e) => {
          if (e.target instanceof HTMLInputElement && e.target.type === 'text') return;
          const i = Number(e.key) - 1;
          const r = reasons[i];
          if (r) {
            e.preventDefault();
            setReason(r.key);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
      >
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {t('suggest.declineReason')}
        </Typography.Paragraph>
        <Radio.Group value={reason} onChange={(e) => setReason(String(e.target.value))}>
          <Space orientation="vertical">
            {reasons.map((r, i) => (
              <Radio key={r.key} value={r.key} autoFocus={i === 0} data-testid={`decline-${r.key}`}>
                <kbd className="key">{i + 1}</kbd> {bi(r)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {tried && !reason && (
          <div>
            <Typography.Text type="danger">{t('suggest.declineReasonRequired')}</Typography.Text>
          </div>
        )}
        <Typography.Paragraph strong style={{ margin: '16px 0 4px' }}>
          {t('suggest.note')}
        </Typography.Paragraph>
        <Input
          size="large"
          value={note}
          maxLength={500}
          placeholder={t('suggest.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          onPressEnter={submit}
          data-testid="decline-note"
        />
      </div>
    </Modal>
  );
}
