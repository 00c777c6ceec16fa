import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { routes } from '@shared/api/routes';
import { bookingFigures } from '@shared/appointments/figures';
import { call } from '../../api/client';
import { useNow } from '../../hooks/useNow';
import './text';

/**
 * 今日预约 on the manager's dashboard: today's bookings, check-ins, no-shows, those due within the hour,
 * cancellations, days booked ahead and calls before/after the booked time. Read
 * every half minute (bookings change at the desk and by phone, not on the queue's feed); figures from
 * shared/appointments/figures.ts.
 */
export function BookingFiguresCard() {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const q = useQuery({
    queryKey: ['dashboard-bookings'],
    queryFn: () => call(routes.appointments.day, { query: {} }),
    refetchInterval: 30_000,
  });
  if (!q.data || now === null) return null;
  const f = bookingFigures(q.data.appointments, now);
  // The day view's own figures (server side) for what the live counts do not say: how far ahead people book and
  // whether the lane keeps its promise (called before or after the booked time).
  const day = q.data.figures;
  const items = [
    ['bookings', f.bookings],
    ['checkedIn', f.checkedIn],
    ['noShows', f.noShows],
    ['nextHour', f.nextHour],
    ['cancellations', day.cancellations],
    ['daysAhead', day.avgDaysAhead === null ? '—' : day.avgDaysAhead.toFixed(1)],
    ['calledEarly', day.calledBeforeSlot],
    ['calledLate', day.calledAfterSlot],
  ] as const;
  return (
    <Card
      size="small"
      title={t('dashBookings.title')}
      extra={<Link to="/appointments">{t('dashBookings.open')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="dash-bookings"
    >
      <Row gutter={[16, 8]}>
        {items.map(([key, n]) => (
          <Col key={key} xs={12} md={6}>
            <Statistic title={t(`dashBookings.${key}`)} value={n} data-testid={`dash-bookings-${key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
