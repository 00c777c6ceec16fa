import { Alert, Card, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@shared/money';
import { useAppointmentInfo, useCashPlan, useDayView, type AppointmentView } from '../../api/appointments';
import { messageOf } from '../../api/client';
import '../../widgets/appointments/text';
import { BookingForm } from './BookingForm';
import './appointments.css';

/** 预约: booking at the desk, the day's bookings per slot with check-ins and no-shows, and the cash-planning list. */
export default function AppointmentsScreen() {
  const { t, i18n } = useTranslation();
  const info = useAppointmentInfo();
  if (info.error) return <Alert type="error" showIcon title={messageOf(info.error, i18n.language)} />;
  if (!info.data) return <Spin style={{ margin: 64 }} />;
  return (
    <div className="appt" data-testid="appointments">
      <Typography.Title level={2}>{t('appt.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'book', label: t('appt.tabs.book'), children: <BookingForm info={info.data} /> },
          { key: 'day', label: t('appt.tabs.day'), children: <DayPanel /> },
          { key: 'cash', label: t('appt.tabs.cash'), children: <CashPanel /> },
        ]}
      />
    </div>
  );
}

function DayPanel() {
  const { t, i18n } = useTranslation();
  const day = useDayView(undefined);
  if (day.error) return <Alert type="info" showIcon title={messageOf(day.error, i18n.language)} />;
  if (!day.data) return <Spin />;
  const f = day.data.figures;
  const name = (a: AppointmentView) => (i18n.language.startsWith('zh') ? a.serviceZh : a.serviceEn);
  return (
    <div data-testid="appointments-day">
      <div className="appt-figures">
        <Statistic title={t('appt.figures.bookings')} value={f.bookings} />
        <Statistic title={t('appt.figures.checkIns')} value={f.checkIns} />
        <Statistic title={t('appt.figures.walkIns')} value={f.walkIns} />
        <Statistic title={t('appt.figures.noShows')} value={f.noShows} />
        <Statistic title={t('appt.figures.cancellations')} value={f.cancellations} />
        <Statistic title={t('appt.figures.daysAhead')} value={f.avgDaysAhead ?? '—'} />
        <Statistic title={t('appt.figures.before')} value={f.calledBeforeSlot} />
        <Statistic title={t('appt.figures.after')} value={f.calledAfterSlot} />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('appt.noBookings') }}
        dataSource={day.data.appointments}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('appt.cols.time'), dataIndex: 'time' },
          { title: t('appt.cols.service'), render: (_v, a: AppointmentView) => name(a) },
          { title: t('appt.list.code'), dataIndex: 'code' },
          { title: t('appt.list.customer'), dataIndex: 'customerName' },
          { title: t('appt.list.phone'), dataIndex: 'phoneMasked' },
          {
            title: t('appt.list.status'),
            render: (_v, a: AppointmentView) => (
              <Tag color={a.status === 'no_show' ? 'red' : a.status === 'checked_in' ? 'green' : undefined}>
                {t(`appt.status.${a.status}`)}
              </Tag>
            ),
          },
          { title: t('appt.list.ticket'), dataIndex: 'ticketNo' },
        ]}
      />
    </div>
  );
}

function CashPanel() {
  const { t, i18n } = useTranslation();
  const plan = useCashPlan(undefined);
  if (plan.error) return <Alert type="info" showIcon title={messageOf(plan.error, i18n.language)} />;
  if (!plan.data) return <Spin />;
  return (
    <Card
      data-testid="cash-plan"
      title={`${plan.data.day} · ${t('appt.cashTotal')} ${formatFen(plan.data.totalFen)}`}
    >
      <Table
        size="small"
        rowKey="appointmentId"
        pagination={false}
        locale={{ emptyText: t('appt.cashEmpty') }}
        dataSource={plan.data.items}
        columns={[
          { title: t('appt.cols.time'), dataIndex: 'time' },
          { title: t('appt.list.code'), dataIndex: 'code' },
          { title: t('appt.list.customer'), dataIndex: 'customerName' },
          { title: t('appt.list.amount'), render: (_v, i: { amountFen: number }) => formatFen(i.amountFen) },
        ]}
      />
    </Card>
  );
}
