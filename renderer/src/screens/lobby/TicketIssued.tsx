import { Button, Card, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntentsInfo, IssueResult } from '../../api/queue';
import { placeLabel } from '../../lib/place';
import { openTicketPrint } from '../../lib/ticket-print';
import { AppointmentNote } from '../../widgets/appointments/AppointmentNote';

// Long enough to read the number out and hand over the slip; the next walk-in should not wait for a click.
const AUTO_RESET_S = 20;

interface Props {
  result: IssueResult;
  info: IntentsInfo;
  /** The heading, when it was not a new ticket (a change of service keeps the number). */
  title?: string | undefined;
  onDone: () => void;
}

/** The big confirmation after issuing: number, channel, people ahead, wait; P prints, Enter/Esc next visitor. */
export function TicketIssued({ result, info, title, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [left, setLeft] = useState(AUTO_RESET_S);
  const { ticket } = result;
  const channel = info.channels.find((c) => c.key === ticket.channel);
  const queue = info.queues.find((q) => q.key === ticket.queue);

  const expire = useEffectEvent(onDone);
  useEffect(() => {
    let remaining = AUTO_RESET_S;
    const timer = setInterval(() => {
      remaining -= 1;
      setLeft(remaining);
      if (remaining <= 0) {
        clearInterval(timer);
        expire();
      }
    }, 1_000);
    return () => clearInterval(timer);
  }, []);

  // Its keys (Enter next, P print, Esc) are the lobby screen's, which also catches a card swiped meanwhile.
  const print = () => openTicketPrint(ticket.id);

  return (
    <Card className="lobby-issued" data-testid="ticket-issued">
      <Typography.Text className="lobby-issued__title">{title ?? t('lobby.issuedTitle')}</Typography.Text>
      <div className="lobby-issued__number" data-testid="issued-number">
        {ticket.displayNo}
      </div>
      <div className="lobby-issued__channel cap" data-testid="issued-channel">
        {placeLabel(channel, queue, i18n.language) || ticket.channel}
      </div>
      <div className="lobby-issued__appt">
        <AppointmentNote appointment={ticket.appointment} />
      </div>
      <div className="lobby-issued__facts">
        <div>
          <span>{t('lobby.ahead')}</span>
          <strong data-testid="issued-ahead">{t('lobby.people', { count: ticket.ahead })}</strong>
        </div>
        <div>
          <span>{t('lobby.wait')}</span>
          <strong data-testid="issued-wait">
            {ticket.waitMinutes === null
              ? t('lobby.waitUnknown')
              : ticket.waitMinutes === 0
                ? t('lobby.waitNone')
                : t('lobby.minutes', { count: ticket.waitMinutes })}
          </strong>
        </div>
      </div>
      <div className="lobby-issued__actions">
        <Button size="large" type="primary" onClick={print} data-testid="print">
          {t('lobby.print')} <kbd className="key key--light">P</kbd>
        </Button>
        <Button size="large" onClick={onDone} data-testid="next-visitor">
          {t('lobby.next')} <kbd className="key">Enter</kbd>
        </Button>
      </div>
      <Typography.Text type="secondary">{t('lobby.autoReset', { count: Math.max(0, left) })}</Typography.Text>
    </Card>
  );
}
