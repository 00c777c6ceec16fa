import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { messageOf } from '../../api/client';
import { useIntents, useTicket } from '../../api/queue';
import { placeLabel } from '../../lib/place';
import { formatDateTime } from '../../lib/branchTime';
import { AppointmentNote } from '../../widgets/appointments/AppointmentNote';
import { SurveyQr } from '../../widgets/feedback/SurveyQr';
import '../../widgets/slip/slip.css';
import './ticket-print.css';
import './text';

/** /ticket/:id/print — the paper ticket; prints itself once loaded unless `?noprint=1`. */
export default function TicketPrintScreen() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const ticket = useTicket(id);
  const intents = useIntents();
  const printed = useRef(false);
  const ready = !!ticket.data && !!intents.data;

  useEffect(() => {
    if (!ready || printed.current || params.get('noprint') === '1') return;
    // Let the browser lay out the ticket (and its fonts) before the print dialog snapshots it.
    const timer = setTimeout(() => {
      printed.current = true;
      window.print();
    }, 300);
    return () => clearTimeout(timer);
  }, [ready, params]);

  if (ticket.error) {
    return (
      <Alert type="error" showIcon title={messageOf(ticket.error, i18n.language)} style={{ margin: 24 }} />
    );
  }
  if (!ticket.data || !intents.data) return <Spin style={{ margin: 64 }} />;
  const tk = ticket.data;
  const channel = intents.data.channels.find((c) => c.key === tk.channel);
  const queue = intents.data.queues.find((q) => q.key === tk.queue);

  return (
    <>
      <div className="slip ticket-slip" data-testid="ticket-slip">
        <div className="slip__branch" data-testid="ticket-branch">
          {tk.branchName}
        </div>
        <div className="ticket-slip__channel">{placeLabel(channel, queue, i18n.language)}</div>
        <div className="ticket-slip__number" data-testid="ticket-number">
          {tk.displayNo}
        </div>
        {/* A booking's ticket: "预约 10:30 开户"; a late booking served as a walk-in: the reason, printed. */}
        {tk.appointment && (
          <div className="ticket-slip__appt" data-testid="ticket-appt">
            <AppointmentNote appointment={tk.appointment} />
          </div>
        )}
        <div className="slip__rows ticket-slip__rows">
          <div>
            <span>{t('ticket.ahead')}</span>
            <strong data-testid="ticket-ahead">{t('ticket.people', { count: tk.ahead })}</strong>
          </div>
          {tk.mayBePassed && (
            <div className="ticket-slip__caveat" data-testid="ticket-may-be-passed">
              {t('queuePromise.mayBePassed')}
            </div>
          )}
          <div>
            <span>{t('ticket.wait')}</span>
            <strong data-testid="ticket-wait">
              {tk.waitMinutes === null
                ? t('ticket.waitUnknown')
                : tk.waitMinutes === 0
                  ? t('ticket.waitNone')
                  : t('ticket.minutes', { count: tk.waitMinutes })}
            </strong>
          </div>
          <div>
            <span>{t('ticket.issuedAt')}</span>
            <strong data-testid="ticket-issued-at">{formatDateTime(tk.arrivedAt)}</strong>
          </div>
        </div>
        <div className="ticket-slip__note">
          {t('ticket.note')
            .split('\n')
            .map((line) => (
              <div key={line}>{line}</div>
            ))}
        </div>
        <SurveyQr ticketId={tk.id} />
      </div>
      <div className="slip-actions">
        <Button type="primary" size="large" onClick={() => window.print()}>
          {t('ticket.print')}
        </Button>
      </div>
    </>
  );
}
