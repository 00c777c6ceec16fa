import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, QueueSnapshot } from '@shared/api/queue';
import { formatTime } from '../../lib/branchTime';
import './lane.css';
import './text';
import { useServiceName } from './useServiceName';

const SHOWN = 6;

type LaneTicket = PublicTicket & { appointment: NonNullable<PublicTicket['appointment']> };

/** Checked-in bookings waiting for a counter calling from `queues`, by booked time (the lane's order). */
export function laneFor(queues: QueueSnapshot['queues'], mine: readonly string[]): LaneTicket[] {
  return queues
    .flatMap((q) => q.tickets)
    .filter(
      (t): t is LaneTicket =>
        !!t.appointment &&
        !t.appointment.walkIn &&
        t.status === 'waiting' &&
        (mine.includes(t.appointment.serveQueue) || mine.includes(t.queue)),
    )
    .sort((a, b) => a.appointment.bookedAt - b.appointment.bookedAt || a.arrivedAt - b.arrivedAt);
}

/**
 * 预约等候 at the counter: the booked customers this counter may call, with the booked time and service, before
 * it calls (the mixing rule calls a due one ahead of walk-ins; one not yet due waits unless nobody else does).
 */
export function AppointmentLane({
  queues,
  mine,
  now,
}: {
  queues: QueueSnapshot['queues'];
  mine: readonly string[];
  now: number;
}) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const lane = laneFor(queues, mine);
  return (
    <Card size="small" title={t('appt.lane')} data-testid="appointment-lane">
      {lane.length === 0 ? (
        <Typography.Text type="secondary">{t('appt.laneEmpty')}</Typography.Text>
      ) : (
        <ol className="appt-lane">
          {lane.slice(0, SHOWN).map((tk) => (
            <li key={tk.id} data-testid="appointment-lane-item">
              <Tag color="purple">{t('appt.booked')}</Tag>
              <strong className="appt-lane__no">{tk.displayNo}</strong>
              <span>
                {t('appt.laneItem', {
                  time: formatTime(tk.appointment.bookedAt),
                  service: serviceName(tk.appointment.service),
                })}
              </span>
              {tk.appointment.bookedAt <= now && (
                <Tag color="green" className="appt-lane__due">
                  {t('appt.laneDue')}
                </Tag>
              )}
            </li>
          ))}
          {lane.length > SHOWN && (
            <li>
              <Typography.Text type="secondary">
                {t('appt.laneMore', { count: lane.length - SHOWN })}
              </Typography.Text>
            </li>
          )}
        </ol>
      )}
    </Card>
  );
}
