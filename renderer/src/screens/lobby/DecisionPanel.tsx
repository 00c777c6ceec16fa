import { Alert, Button, Card, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TriageDecision } from '@shared/triage/types';
import type { QueueSummary } from '@shared/api/queue';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';

interface Props {
  decision: TriageDecision | undefined;
  info: IntentsInfo;
  /** The live board's queues: each channel's line and wait, the suggestion's as the alternatives'. */
  queues: readonly QueueSummary[] | undefined;
  loading: boolean;
  /** Who is being triaged is known (a customer or a walk-in). */
  identified: boolean;
  ready: boolean;
  issuing: boolean;
  /** Enter was pressed before the ticket could be issued: say what is missing. */
  nudged: boolean;
  /** Issuing changes the service of the customer's existing ticket. */
  issueLabel?: string | undefined;
  /** A change of service re-triages the held ticket: no override then. */
  overrideDisabled?: boolean | undefined;
  onIssue: () => void;
  onOverride: () => void;
}

/** Step 3: where the engine sends the visitor and why, the other channels and why not, and the issue key. */
export function DecisionPanel(p: Props) {
  const { decision, info, queues, loading, identified, ready, issuing, nudged, onIssue, onOverride } = p;
  const { t } = useTranslation();
  const bi = useBilingual();
  const line = (channel: string, waiting?: number) => {
    const queue = info.channels.find((c) => c.key === channel)?.queue;
    const q = queues?.find((x) => x.key === queue);
    const count = q?.waiting ?? waiting;
    return (
      <>
        {count !== undefined && <Tag>{t('lobby.waitingN', { count })}</Tag>}
        {q && (
          <Tag color={q.waitMinutes === null ? 'orange' : undefined}>
            {q.waitMinutes === null
              ? t('lobbyMore.noCounter')
              : q.waitMinutes === 0
                ? t('lobbyMore.waitNow')
                : t('lobbyMore.waitAbout', { count: q.waitMinutes })}
          </Tag>
        )}
      </>
    );
  };
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
        {loading ? (
          <Spin />
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 18 }} data-testid="lobby-prompt">
            {identified ? t('lobbyMore.needIntents') : t('lobbyMore.needVisitor')}
          </Typography.Text>
        )}
        {nudged && !ready && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="lobby-nudge"
            title={identified ? t('lobbyMore.enterNeedsIntents') : t('lobbyMore.enterNeedsVisitor')}
          />
        )}
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
        <span className="lobby-decision__line" data-testid="suggested-line">
          {line(decision.channel)}
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
            {line(a.channel, a.waiting)}
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
          {p.issueLabel ?? t('lobby.issue')} <kbd className="key key--light">Enter</kbd>
        </Button>
        <Button
          size="large"
          onClick={onOverride}
          disabled={!ready || issuing || !!p.overrideDisabled}
          data-testid="override"
          style={{ flex: 1 }}
        >
          {t('lobby.override')} <kbd className="key">F4</kbd>
        </Button>
      </div>
    </Card>
  );
}
