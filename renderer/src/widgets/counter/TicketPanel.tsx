import { Button, Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, TicketView } from '@shared/api/queue';
import type { IntentsInfo } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import { formatTime } from '../../lib/branchTime';
import { AppointmentNote } from '../appointments/AppointmentNote';
import { MarkTags } from '../outreach/MarkTags';

export type CounterCommand = 'call' | 'recall' | 'start' | 'finish' | 'no_show' | 'transfer' | 'hold';

/** The counter's keys, in the order of the buttons. */
export const COUNTER_KEYS: Record<CounterCommand, string> = {
  call: 'F1',
  recall: 'F2',
  start: 'F3',
  finish: 'F4',
  no_show: 'F5',
  transfer: 'F6',
  hold: 'F7',
};

/** Which commands the current ticket allows (the server still has the last word, with a 409). */
export function allowed(
  current: PublicTicket | null,
  held: PublicTicket[],
  /** Open and serving: a counter on break or in back-office work calls nobody. */
  canCall: boolean,
): Set<CounterCommand> {
  const s = current?.status;
  const ok = new Set<CounterCommand>();
  if (!current && canCall) ok.add('call');
  if (s === 'called') ok.add('recall').add('start').add('no_show');
  if (s === 'serving') ok.add('finish');
  if (s === 'called' || s === 'serving') ok.add('transfer').add('hold');
  if (!current && held.length > 0) ok.add('hold');
  return ok;
}

interface Props {
  current: PublicTicket | null;
  view: TicketView | undefined;
  held: PublicTicket[];
  info: IntentsInfo;
  /** Why the counter cannot call, if it cannot. */
  paused: 'closed' | 'away' | null;
  busy: boolean;
  /** A command typed ahead, waiting for the one in flight (useKeyAhead.ts). */
  waiting?: CounterCommand | null;
  onCommand: (c: CounterCommand) => void;
  onResume: (t: PublicTicket) => void;
}

export function TicketPanel({
  current,
  view,
  held,
  info,
  paused,
  busy,
  waiting = null,
  onCommand,
  onResume,
}: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const ok = allowed(current, held, paused === null);
  const queue = current ? info.queues.find((q) => q.key === current.queue) : undefined;
  const holdLabel = !current && held.length > 0 ? t('counter.cmd.resume') : t('counter.cmd.hold');
  const button = (c: CounterCommand, label: string, primary = false) => (
    <Button
      key={c}
      size="large"
      type={primary ? 'primary' : 'default'}
      disabled={busy || !ok.has(c)}
      loading={waiting === c}
      onClick={() => onCommand(c)}
      data-testid={`cmd-${c}`}
    >
      {label}
      <kbd className={primary && ok.has(c) && !busy ? 'key key--light' : 'key'}>{COUNTER_KEYS[c]}</kbd>
    </Button>
  );

  return (
    <Card className="counter-ticket" data-testid="current-ticket">
      {current ? (
        <div className="counter-ticket__head">
          <span className="counter-ticket__number" data-testid="current-number">
            {current.displayNo}
          </span>
          <div>
            <Tag
              color={current.status === 'serving' ? 'green' : 'gold'}
              style={{ fontSize: 16, padding: '4px 10px' }}
            >
              <span data-testid="current-status">{t(`counter.status.${current.status}`)}</span>
            </Tag>
            <div className="counter-ticket__meta">
              {queue ? bi(queue) : current.queue}
              {current.calledAt ? ` · ${t('counter.calledAt', { time: formatTime(current.calledAt) })}` : ''}
            </div>
            <div className="counter-ticket__services">
              {(view?.services ?? []).map((s) => {
                const intent = info.intents.find((i) => i.key === s);
                return (
                  <Tag key={s} color="blue" style={{ fontSize: 15 }}>
                    {intent ? bi(intent) : s}
                  </Tag>
                );
              })}
            </div>
            <MarkTags marks={view?.marks} />
            <AppointmentNote appointment={current.appointment} />
          </div>
        </div>
      ) : (
        <Typography.Title
          level={3}
          type="secondary"
          style={{ margin: '12px 0 20px' }}
          data-testid="counter-idle"
        >
          {paused === 'closed'
            ? t('counter.closedHint')
            : paused === 'away'
              ? t('counter.awayHint')
              : t('counter.idle')}
        </Typography.Title>
      )}
      <div className="counter-ticket__actions">
        {button('call', t('counter.cmd.call'), !current)}
        {button('recall', t('counter.cmd.recall'))}
        {button('start', t('counter.cmd.start'), current?.status === 'called')}
        {button('finish', t('counter.cmd.finish'), current?.status === 'serving')}
        {button('no_show', t('counter.cmd.no_show'))}
        {button('transfer', t('counter.cmd.transfer'))}
        {button('hold', holdLabel)}
      </div>
      {held.length > 0 && (
        <div className="counter-held" data-testid="held">
          <Typography.Text type="secondary">{t('counter.heldHere')}</Typography.Text>
          {held.map((h) => (
            <Button key={h.id} disabled={busy || !!current} onClick={() => onResume(h)}>
              {t('counter.resumeNo', { no: h.displayNo })}
            </Button>
          ))}
        </div>
      )}
    </Card>
  );
}
