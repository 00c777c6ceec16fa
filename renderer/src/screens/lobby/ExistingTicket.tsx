import { Alert, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/api/queue';
import { STATUS_LABELS } from '@shared/queue/events';
import type { IntentsInfo } from '../../api/queue';
import { pickLang } from '../../lib/bilingual';
import { placeLabel } from '../../lib/place';

/** What the lobby does for a customer who already holds a live ticket. */
export type HeldMode = { kind: 'ask' } | { kind: 'change' } | { kind: 'second'; reason: string | null };

// The server refuses shorter reasons.
const MIN_REASON = 2;

interface Props {
  ticket: TicketView;
  info: IntentsInfo;
  mode: HeldMode;
  /** Enter was pressed while the lobby manager had not yet said what to do with this ticket. */
  nudged: boolean;
  onReprint: () => void;
  onChange: () => void;
  onSecond: () => void;
  onSecondReason: (reason: string) => void;
}

/**
 * One customer, one live ticket: the ticket they hold (number, queue, place in line) and the three ways on —
 * reprint it (P), change its service (C, keeping number and place), or a second ticket with a reason (N).
 */
export function ExistingTicket(p: Props) {
  const { ticket, info, mode, onReprint, onChange, onSecond, onSecondReason } = p;
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const channel = info.channels.find((c) => c.key === ticket.channel);
  const queue = info.queues.find((q) => q.key === ticket.queue);
  const where =
    ticket.status === 'waiting'
      ? t('lobbyMore.existing.position', { count: ticket.ahead + 1 })
      : t('lobbyMore.existing.status', { status: pickLang(STATUS_LABELS[ticket.status], i18n.language) });
  const confirm = () => {
    setTried(true);
    if (reason.trim().length >= MIN_REASON) onSecondReason(reason.trim());
  };
  return (
    <Card className="lobby-held" data-testid="existing-ticket">
      <Typography.Text strong className="lobby-held__title">
        {t('lobbyMore.existing.title')}
      </Typography.Text>
      <div className="lobby-held__ticket">
        <span className="lobby-held__number" data-testid="existing-number">
          {ticket.displayNo}
        </span>
        <span className="cap" data-testid="existing-queue">
          {placeLabel(channel, queue, i18n.language) || ticket.queue}
        </span>
        <strong data-testid="existing-position">{where}</strong>
      </div>
      {p.nudged && mode.kind === 'ask' && (
        <Alert type="warning" showIcon data-testid="existing-nudge" title={t('lobbyMore.existing.choose')} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }}>
        {mode.kind === 'change' ? t('lobbyMore.existing.changeHint') : t('lobbyMore.existing.hint')}
      </Typography.Paragraph>
      <div className="lobby-held__actions">
        <Button onClick={onReprint} data-testid="existing-reprint">
          {t('lobbyMore.existing.reprint')} <kbd className="key">P</kbd>
        </Button>
        <Button
          type={mode.kind === 'change' ? 'primary' : 'default'}
          onClick={onChange}
          data-testid="existing-change"
        >
          {t('lobbyMore.existing.change')} <kbd className="key">C</kbd>
        </Button>
        <Button
          type={mode.kind === 'second' ? 'primary' : 'default'}
          onClick={onSecond}
          data-testid="existing-second"
        >
          {t('lobbyMore.existing.second')} <kbd className="key">N</kbd>
        </Button>
      </div>
      {mode.kind === 'second' && mode.reason === null && (
        <div className="lobby-held__reason">
          <Input
            autoFocus
            size="large"
            value={reason}
            maxLength={200}
            data-testid="second-reason"
            aria-label={t('lobbyMore.existing.secondReason')}
            placeholder={t('lobbyMore.existing.secondPlaceholder')}
            status={tried && reason.trim().length < MIN_REASON ? 'error' : undefined}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={confirm}
          />
          <Button size="large" onClick={confirm} data-testid="second-confirm">
            {t('lobbyMore.existing.secondConfirm')}
          </Button>
        </div>
      )}
      {mode.kind === 'second' && mode.reason === null && tried && reason.trim().length < MIN_REASON && (
        <Alert type="error" showIcon title={t('lobbyMore.existing.secondReasonRequired')} />
      )}
      {mode.kind === 'second' && mode.reason !== null && (
        <Typography.Text data-testid="second-reason-given">
          {t('lobbyMore.existing.secondReason')}：{mode.reason}
        </Typography.Text>
      )}
    </Card>
  );
}
