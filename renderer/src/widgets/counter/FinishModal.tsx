import { Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/api/queue';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';

interface Props {
  ticket: TicketView | undefined;
  info: IntentsInfo;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (servicesDone: string[]) => void;
}

/** 办结: tick what was delivered (the visit's intents come first, pre-ticked); Enter confirms. */
export function FinishModal({ ticket, info, busy, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const planned = ticket?.services ?? [];
  const [done, setDone] = useState<string[]>(planned);
  const ordered = [
    ...planned.map((k) => info.intents.find((i) => i.key === k)).filter((i) => i !== undefined),
    ...info.intents.filter((i) => !planned.includes(i.key)),
  ];
  return (
    <Modal
      open
      title={t('counter.finishTitle', { no: ticket?.displayNo ?? '' })}
      okText={t('counter.finishOk')}
      cancelText={t('common.cancel')}
      onOk={() => onConfirm(done)}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ autoFocus: true }}
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onConfirm(done);
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('counter.finishHint')}</Typography.Paragraph>
        <Checkbox.Group value={done} onChange={(v) => setDone(v.map(String))} style={{ width: '100%' }}>
          <div className="counter-services" data-testid="finish-services">
            {ordered.map((i) => (
              <Checkbox key={i.key} value={i.key} data-testid={`done-${i.key}`}>
                {bi(i)}
              </Checkbox>
            ))}
          </div>
        </Checkbox.Group>
      </div>
    </Modal>
  );
}
