import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@shared/api/types';
import type { AppointmentInfo, AppointmentView } from '../../api/appointments';
import { bookAppointment, useSlots } from '../../api/appointments';
import { messageOf } from '../../api/client';
import { lookupCustomer } from '../../api/customers';
import { CustomerCard } from '../../components/CustomerCard';
import { useBilingual } from '../../lib/bilingual';

const DAY_MS = 86_400_000;
/** `today` and the next `n` calendar days (YYYY-MM-DD). */
function days(today: string, n: number): string[] {
  const t0 = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: n + 1 }, (_, i) => new Date(t0 + i * DAY_MS).toISOString().slice(0, 10));
}

/** Booking at the desk or by phone: the customer found as in the lobby, then service, day and slot; answers the code. */
export function BookingForm({ info }: { info: AppointmentInfo }) {
  const { t, i18n } = useTranslation();
  const bi = useBilingual();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [service, setService] = useState<string>(info.services[0]?.key ?? '');
  const [day, setDay] = useState(info.today);
  const [slotAt, setSlotAt] = useState<number | null>(null);
  const [channel, setChannel] = useState<'desk' | 'phone'>('desk');
  const [yuan, setYuan] = useState<number | null>(null);
  const [done, setDone] = useState<AppointmentView | null>(null);
  const slots = useSlots(day, service);
  const svc = info.services.find((s) => s.key === service);
  const lookup = useMutation({
    mutationFn: lookupCustomer,
    onSuccess: (r) => setCustomer(r.customers.length === 1 ? (r.customers[0] ?? null) : null),
  });
  const book = useMutation({
    mutationFn: bookAppointment,
    onSuccess: (a) => {
      setDone(a);
      void qc.invalidateQueries({ queryKey: ['appointments'] });
    },
  });

  if (done) {
    const again = () => {
      setDone(null);
      setCustomer(null);
      setSlotAt(null);
    };
    return <Confirmation a={done} info={info} onAgain={again} />;
  }

  const submit = () => {
    if (!customer || slotAt === null) return;
    book.mutate({
      customerId: customer.id,
      service,
      slotAt,
      channel,
      ...(svc?.largeCash ? { amountFen: Math.round((yuan ?? 0) * 100) } : {}),
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="booking-form">
      <Input.Search
        size="large"
        allowClear
        data-testid="booking-lookup"
        placeholder={t('appt.customerHint')}
        enterButton={t('lookup.search')}
        value={q}
        loading={lookup.isPending}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => {
          if (v.trim()) lookup.mutate(v.trim());
        }}
      />
      {lookup.error && <Alert type="info" showIcon title={messageOf(lookup.error, i18n.language)} />}
      {customer && <CustomerCard c={customer} columns={2} />}
      <div>
        <Typography.Text strong>{t('appt.service')}</Typography.Text>
        <div className="appt-services">
          <Radio.Group
            value={service}
            onChange={(e) => {
              setService(String(e.target.value));
              setSlotAt(null);
            }}
            optionType="button"
            buttonStyle="solid"
            data-testid="booking-service"
            options={info.services.map((s) => ({ value: s.key, label: bi(s) }))}
          />
        </div>
      </div>
      <Space wrap>
        <Typography.Text strong>{t('appt.day')}</Typography.Text>
        <Select
          value={day}
          style={{ width: 150 }}
          data-testid="booking-day"
          onChange={(d) => {
            setDay(d);
            setSlotAt(null);
          }}
          options={days(info.today, info.bookAheadDays).map((d) => ({ value: d, label: d }))}
        />
        <Radio.Group
          value={channel}
          onChange={(e) => setChannel(e.target.value === 'phone' ? 'phone' : 'desk')}
          options={[
            { value: 'desk', label: t('appt.channels.desk') },
            { value: 'phone', label: t('appt.channels.phone') },
          ]}
        />
      </Space>
      <div>
        <Typography.Text strong>{t('appt.slot')}</Typography.Text>
        {slots.data && !slots.data.open ? (
          <Alert type="warning" showIcon title={t('appt.closedDay')} />
        ) : (
          <div className="appt-slots" data-testid="booking-slots">
            {(slots.data?.slots ?? []).map((s) => (
              <Button
                key={s.slotAt}
                type={slotAt === s.slotAt ? 'primary' : 'default'}
                disabled={!s.open}
                onClick={() => setSlotAt(s.slotAt)}
                data-testid={`slot-${s.time}`}
              >
                {s.time}{' '}
                <small>
                  {/* A slot over (or the day's cap reached) is not bookable, whatever room it had. */}
                  {s.booked >= s.capacity
                    ? t('appt.full')
                    : s.open
                      ? t('appt.left', { count: s.capacity - s.booked })
                      : t('appt.slotClosed')}
                </small>
              </Button>
            ))}
          </div>
        )}
      </div>
      {svc?.largeCash && (
        <Space>
          <Typography.Text strong>{t('appt.amount')}</Typography.Text>
          <InputNumber
            min={1}
            max={100_000_000}
            value={yuan}
            onChange={(v) => setYuan(typeof v === 'number' ? v : null)}
            style={{ width: 200 }}
            data-testid="booking-amount"
          />
        </Space>
      )}
      {book.error && (
        <Alert
          type="error"
          showIcon
          title={messageOf(book.error, i18n.language)}
          data-testid="booking-error"
        />
      )}
      <Button
        type="primary"
        size="large"
        disabled={!customer || slotAt === null || (!!svc?.largeCash && !yuan)}
        loading={book.isPending}
        onClick={submit}
        data-testid="booking-submit"
      >
        {t('appt.book')}
      </Button>
    </Space>
  );
}

function Confirmation({
  a,
  info,
  onAgain,
}: {
  a: AppointmentView;
  info: AppointmentInfo;
  onAgain: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(a.code, { margin: 1, width: 132, errorCorrectionLevel: 'M' }).then((u) => {
      if (live) setQr(u);
    });
    return () => {
      live = false;
    };
  }, [a.code]);
  return (
    <Card data-testid="booking-done">
      <Typography.Title level={3}>{t('appt.done')}</Typography.Title>
      <Space size="large" align="start" wrap>
        {qr && <img src={qr} alt={a.code} width={132} height={132} />}
        <div>
          <Typography.Text type="secondary">{t('appt.code')}</Typography.Text>
          <div className="appt-code" data-testid="booking-code">
            {a.code}
          </div>
          <div>
            {a.slotDay} {a.time} · {i18n.language.startsWith('zh') ? a.serviceZh : a.serviceEn}
          </div>
          <div>
            {a.customerName} · {a.phoneMasked ?? '—'}
          </div>
        </div>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('appt.slipHint', { early: info.earlyMinutes, late: info.lateMinutes })}
      </Typography.Paragraph>
      <Button onClick={onAgain} data-testid="booking-again">
        {t('appt.another')}
      </Button>
    </Card>
  );
}
