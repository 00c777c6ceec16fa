import { Alert, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@shared/triage/channel';
import type { TriageDecision } from '@shared/triage/types';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';

// The server refuses shorter reasons; a reason is what the audit trail is for.
const MIN_REASON = 2;

interface Props {
  decision: TriageDecision;
  info: IntentsInfo;
  issuing: boolean;
  /** The server's refusal of the last try, shown where the lobby manager is looking. */
  error: string | null;
  onCancel: () => void;
  onConfirm: (o: { channel: Channel; reason: string }) => void;
}

/** 改派: another channel than the suggestion, with a reason that is kept. Mounted only while open. */
export function OverrideModal({ decision, info, issuing, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  // Nothing is chosen for the lobby manager: an override is a decision, not a default to wave through.
  const [channel, setChannel] = useState<Channel | ''>('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const valid = channel !== '' && reason.trim().length >= MIN_REASON;
  const submit = () => {
    setTried(true);
    if (channel !== '' && valid) onConfirm({ channel, reason: reason.trim() });
  };
  const name = (key: string) => {
    const c = info.channels.find((x) => x.key === key);
    return c ? bi(c) : key;
  };
  return (
    <Modal
      open
      title={t('lobby.overrideTitle', { channel: name(decision.channel) })}
      okText={t('lobby.overrideIssue')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={issuing}
      destroyOnHidden
      data-testid="override-modal"
    >
      <Radio.Group
        value={channel}
        onChange={(e) =>
          setChannel(decision.alternatives.find((a) => a.channel === e.target.value)?.channel ?? '')
        }
        style={{ width: '100%' }}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {decision.alternatives.map((a) => (
            <Radio key={a.channel} value={a.channel} data-testid={`override-${a.channel}`}>
              <strong className="cap" style={{ fontSize: 16 }}>
                {name(a.channel)}
              </strong>{' '}
              {!a.available && <Tag>{t('lobby.notAvailable')}</Tag>}
              {/* Why the engine did not pick it: information, not an error. */}
              <Typography.Text type="secondary">{bi(a.whyNot)}</Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 4 }}>
        {t('lobby.overrideReason')}
      </Typography.Paragraph>
      <Input
        size="large"
        autoFocus
        value={reason}
        data-testid="override-reason"
        placeholder={t('lobby.overrideReasonPlaceholder')}
        status={tried && reason.trim().length < MIN_REASON ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={submit}
        maxLength={200}
      />
      {tried && channel === '' && (
        <Typography.Paragraph type="danger" style={{ margin: 0 }} data-testid="override-pick-channel">
          {t('lobbyMore.pickChannel')}
        </Typography.Paragraph>
      )}
      {tried && reason.trim().length < MIN_REASON && (
        <Typography.Text type="danger">{t('lobby.overrideReasonRequired')}</Typography.Text>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
