import { Alert, Button, Card, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TriageDecision } from '@shared/triage/types';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';

interface Props {
  decision: TriageDecision | undefined;
  info: IntentsInfo;
  loading: boolean;
  ready: boolean;
  issuing: boolean;
  onIssue: () => void;
  onOverride: () => void;
}

/** Step 3: where the engine sends the visitor and why, the other channels and why not, and the issue key. */
export function DecisionPanel({ decision, info, loading, ready, issuing, onIssue, onOverride }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const channelName = (key: string) => {
    const c = info.channels.find((x) => x.key === key);
    return c ? bi(c) : key;
  };
  const intentName = (key: string) => {
    const i = info.intents.find((x) => x.key === key);
    return i ? bi(i) : key;
  };

  if (!decision) {
    return (
      <Card className="lobby-decision" data-testid="decision-empty">
        <Typography.Text type="secondary" style={{ fontSize: 18 }}>
          {loading ? <Spin /> : ready ? t('lobby.chooseIntents') : t('lobby.identifyFirst')}
        </Typography.Text>
      </Card>
    );
  }
  const priority = info.priorities.find((p) => p.level === decision.priority);
  return (
    <Card className="lobby-decision" data-testid="decision">
      <Typography.Text type="secondary">{t('lobby.suggested')}</Typography.Text>
      <div className="lobby-decision__channel">
        <span className="cap" data-testid="suggested-channel">
          {channelName(decision.channel)}
        </span>
        {decision.priority > 0 && priority && (
          <Tag color="red" style={{ fontSize: 16, padding: '4px 10px' }}>
            {bi(priority)}
          </Tag>
        )}
        {loading && <Spin size="small" />}
      </div>
      <div className="lobby-decision__notes">
        {!decision.available && <Alert type="error" showIcon title={t('lobby.noServicePoint')} />}
        {decision.care && <Alert type="warning" showIcon title={t('lobby.care')} data-testid="care" />}
        {decision.review && <Alert type="warning" showIcon title={t('lobby.review')} />}
        {decision.pending.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t('lobby.pending', { list: decision.pending.map(intentName).join(t('lobby.listSep')) })}
          />
        )}
      </div>
      <ol className="lobby-decision__reasons" data-testid="reasons">
        {decision.reasons.map((r) => (
          <li key={r.ruleId}>{bi(r)}</li>
        ))}
      </ol>
      <Typography.Text type="secondary">{t('lobby.alternatives')}</Typography.Text>
      <ul className="lobby-decision__alternatives" data-testid="alternatives">
        {decision.alternatives.map((a) => (
          <li key={a.channel}>
            <strong className="cap">{channelName(a.channel)}</strong>
            {!a.available && <Tag>{t('lobby.notAvailable')}</Tag>}
            {a.waiting !== undefined && <Tag>{t('lobby.waitingN', { count: a.waiting })}</Tag>}
            <Typography.Text type="secondary">{bi(a.whyNot)}</Typography.Text>
          </li>
        ))}
      </ul>
      <div className="lobby-decision__actions">
        <Button
          type="primary"
          size="large"
          onClick={onIssue}
          loading={issuing}
          disabled={!ready}
          data-testid="issue"
          style={{ flex: 2 }}
        >
          {t('lobby.issue')} <kbd className="key key--light">Enter</kbd>
        </Button>
        <Button
          size="large"
          onClick={onOverride}
          disabled={!ready || issuing}
          data-testid="override"
          style={{ flex: 1 }}
        >
          {t('lobby.override')} <kbd className="key">F4</kbd>
        </Button>
      </div>
    </Card>
  );
}
