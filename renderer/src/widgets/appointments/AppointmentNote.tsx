import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicAppointment } from '@shared/api/queue';
import { formatTime } from '../../lib/branchTime';
import { useBilingual } from '../../lib/bilingual';
import './text';
import { useServiceName } from './useServiceName';

/**
 * "预约 10:30 理财咨询" for a booking's ticket, or the reason a booking became a walk-in ticket — on the lobby's
 * confirmation, the paper ticket and the counter; the service by its name (zh/en), never its key.
 */
export function AppointmentNote({ appointment }: { appointment: PublicAppointment | null | undefined }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const serviceName = useServiceName();
  if (!appointment) return null;
  if (appointment.walkIn)
    return appointment.notice ? (
      <Typography.Text type="warning" data-testid="appointment-notice">
        {bi(appointment.notice)}
      </Typography.Text>
    ) : null;
  return (
    <Tag color="purple" data-testid="appointment-note" style={{ fontSize: 'inherit', padding: '2px 8px' }}>
      {t('appt.note', { time: formatTime(appointment.bookedAt), service: serviceName(appointment.service) })}
    </Tag>
  );
}
