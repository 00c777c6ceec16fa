import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueResult } from '@shared/api/queue';
import {
  appointmentByCode,
  checkInAppointment,
  useCustomerAppointments,
  type AppointmentView,
  type CheckInOutcome,
} from '../../api/appointments';
import { messageOf } from '../../api/client';
import { useBilingual } from '../../lib/bilingual';
import './text';

/**
 * Appointment check-in at the lobby: by booking code, or the identified customer's bookings today
 * ("预约 10:30 理财咨询"). On time → the Y ticket; early or late → the reason and a walk-in ticket on request.
 */
export function CheckInPanel({
  customerId,
  onIssued,
}: {
  customerId: string | null;
  onIssued: (r: IssueResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<AppointmentView | null>(null);
  const [offer, setOffer] = useState<Extract<CheckInOutcome, { kind: 'offer_walk_in' }> | null>(null);
  const today = useCustomerAppointments(customerId);
  const byCode = useMutation({ mutationFn: appointmentByCode, onSuccess: setFound });
  const checkIn = useMutation({
    mutationFn: ({ id, walkIn }: { id: string; walkIn: boolean }) => checkInAppointment(id, walkIn),
    onSuccess: (r) => {
      if (r.kind === 'offer_walk_in') setOffer(r);
      else onIssued(r.issued);
    },
  });
  const list = [...(found ? [found] : []), ...(today.data ?? []).filter((a) => a.id !== found?.id)];
  const name = (a: AppointmentView) => (i18n.language.startsWith('zh') ? a.serviceZh : a.serviceEn);

  return (
    <Card size="small" title={t('appt.checkInTitle')} data-testid="appointment-checkin">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          value={code}
          placeholder={t('appt.codePlaceholder')}
          enterButton={t('appt.find')}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(v) => {
            if (v.trim()) byCode.mutate(v.trim());
          }}
          data-testid="appointment-code"
        />
        {byCode.error && <Alert type="info" showIcon title={messageOf(byCode.error, i18n.language)} />}
        {customerId && today.data && today.data.length === 0 && !found && (
          <Typography.Text type="secondary">{t('appt.none')}</Typography.Text>
        )}
        {list.map((a) => (
          <div key={a.id} className="appt-checkin__row" data-testid="appointment-today">
            <Typography.Text strong data-testid="appointment-line">
              {t('appt.note', { time: a.time, service: name(a) })}
            </Typography.Text>
            <Typography.Text type="secondary"> · {t(`appt.status.${a.status}`)}</Typography.Text>{' '}
            {(a.status === 'booked' || a.status === 'no_show') && (
              <Button
                type="primary"
                loading={checkIn.isPending}
                onClick={() => {
                  setOffer(null);
                  checkIn.mutate({ id: a.id, walkIn: false });
                }}
                data-testid="appointment-checkin-button"
              >
                {t('appt.checkIn')}
              </Button>
            )}
          </div>
        ))}
        {offer && (
          <Alert
            type="warning"
            showIcon
            data-testid="appointment-offer"
            title={bi(offer.reason)}
            action={
              <Button
                onClick={() => checkIn.mutate({ id: offer.appointment.id, walkIn: true })}
                data-testid="appointment-take-walk-in"
              >
                {t('appt.takeWalkIn')}
              </Button>
            }
          />
        )}
        {checkIn.error && <Alert type="error" showIcon title={messageOf(checkIn.error, i18n.language)} />}
      </Space>
    </Card>
  );
}
