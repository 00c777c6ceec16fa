import { App, Button, Checkbox, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentPurpose } from '@shared/customer/consent';
import type { ConsentConfig } from '@shared/customer/consent-config';
import { messageOf } from '../../api/client';
import { useRecordConsent } from '../../api/consent';
import { openConsentSlip } from '../../api/prospects';
import { useBilingual } from '../../lib/bilingual';
import { useDialogOpen } from '../profile/dialogScope';
import './text';
import '../prospects/text';

interface Props {
  customerId: string;
  purpose: ConsentPurpose;
  /** What stands now: the dialog proposes the other choice. */
  current: boolean;
  texts: ConsentConfig;
  onClose: () => void;
}

/**
 * The customer reads the text (on screen, or printed with the print button), the teller records their choice,
 * the scope and how it was given; with the pad from Step 13 the customer can sign there.
 */
export function ConsentDialog({ customerId, purpose, current, texts, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const bi = useBilingual();
  const words = texts.purposes[purpose];
  const [granted, setGranted] = useState(!current);
  const [scope, setScope] = useState(words.scopes[0]?.key ?? '');
  const [channel, setChannel] = useState<ConsentChannel>('counter');
  const [signed, setSigned] = useState(false);
  const [note, setNote] = useState('');
  const record = useRecordConsent(customerId);
  useDialogOpen(true);

  const save = () =>
    record.mutate(
      {
        purpose,
        granted,
        scope,
        channel,
        textVersion: texts.version,
        signed: channel === 'pad' && signed,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(
            t('consent.saved', {
              purpose: bi(words.title),
              decision: granted ? t('consent.grant') : t('consent.withdraw'),
            }),
          );
          onClose();
        },
        onError: (e) => void message.error(messageOf(e, i18n.language)),
      },
    );

  return (
    <Modal
      open
      title={t('consent.recordTitle', { purpose: bi(words.title) })}
      okText={t('consent.save')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'consent-save' } as Record<string, string>}
      width={640}
    >
      <div className="consent-form" data-testid="consent-dialog">
        <Typography.Text type="secondary">{t('consent.readAloud')}</Typography.Text>
        <blockquote className="consent-text" data-testid="consent-text">
          {bi(words.text)}
          <div className="consent-text__version">{t('consent.textVersion', { version: texts.version })}</div>
        </blockquote>
        <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => openConsentSlip({ purpose })}>
          {t('prospects.printText')}
        </Button>
        <div className="consent-form__field">
          <span className="consent-form__label">{t('consent.decision')}</span>
          <Radio.Group
            value={granted}
            onChange={(e) => setGranted(e.target.value as boolean)}
            data-testid="consent-decision"
          >
            <Radio.Button value={true} data-testid="consent-grant">
              {t('consent.grant')}
            </Radio.Button>
            <Radio.Button value={false} data-testid="consent-withdraw">
              {t('consent.withdraw')}
            </Radio.Button>
          </Radio.Group>
        </div>
        <div className="consent-form__field">
          <span className="consent-form__label">{t('consent.scope')}</span>
          <Select
            value={scope}
            onChange={setScope}
            options={words.scopes.map((s) => ({ value: s.key, label: bi(s.label) }))}
          />
        </div>
        <div className="consent-form__field">
          <span className="consent-form__label">{t('consent.channel')}</span>
          <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as ConsentChannel)}>
            <Radio value="counter">{t('consent.channels.counter')}</Radio>
            <Radio value="pad">{t('consent.channels.pad')}</Radio>
          </Radio.Group>
        </div>
        {channel === 'pad' && (
          <Checkbox checked={signed} onChange={(e) => setSigned(e.target.checked)}>
            {t('consent.signed')}
          </Checkbox>
        )}
        <div className="consent-form__field">
          <span className="consent-form__label">{t('consent.note')}</span>
          <Input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
    </Modal>
  );
}
