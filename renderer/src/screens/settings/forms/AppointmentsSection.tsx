import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BOOKING_CHANNELS } from '@shared/appointments/config';
import type { RulesConfig } from '@shared/config/schema';
import { FormSection } from '../FormSection';
import { cell, labelledColumns, ListTable, num, useLang, type ListColumn } from './common';
import './text-appointments';

const A = (...k: string[]) => ['appointments', ...k];

/**
 * 预约 (Step 12) as a form: when customers can book and how much, the check-in windows, how bookings are mixed with
 * walk-ins, reminders, and the bookable services (each tied to the business triage routes it by).
 */
export function AppointmentsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queues = config.queue.queues.map((q) => ({ value: q.key, label: q[lang] }));
  const intents = config.triage.intents.map((i) => ({ value: i.key, label: i[lang] }));
  const channels = BOOKING_CHANNELS.map((c) => ({ value: c, label: t(`settings.ap.channel.${c}`) }));
  const weekdays = (t('settings.ap.weekday', { returnObjects: true }) as string[]).map((d, i) => ({
    value: i + 1,
    label: `${t('settings.ap.weekdayPrefix')}${d}`,
  }));
  const n = (k: string[], label: string, min: number, max: number, unit: string, extra?: string) => (
    <Col xs={24} md={8} key={k.join('.')}>
      <Form.Item name={A(...k)} label={t(label)} {...(extra ? { extra: t(extra) } : {})}>
        <InputNumber
          {...num}
          min={min}
          max={max}
          {...(t(unit) ? { addonAfter: t(unit) } : {})}
          data-testid={`ap-${k.join('-')}`}
        />
      </Form.Item>
    </Col>
  );
  const time = (k: 'open' | 'close') => (
    <Col xs={24} md={8} key={k}>
      <Form.Item name={A('hours', k)} label={t(`settings.ap.${k}`)}>
        <Input placeholder="09:00" maxLength={5} data-testid={`ap-hours-${k}`} />
      </Form.Item>
    </Col>
  );
  return (
    <FormSection
      id="appointments"
      title={t('settings.sections.appointments')}
      hint={t('settings.ap.hint')}
      paths={['appointments']}
      config={config}
    >
      {() => (
        <>
          {/* The fields keep a readable width; the services table below takes the card's (it scrolled at 1920). */}
          <div style={{ maxWidth: 1100 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name={A('laneQueue')} label={t('settings.ap.laneQueue')}>
                  <Select options={queues} data-testid="ap-laneQueue" />
                </Form.Item>
              </Col>
              {n(['slotMinutes'], 'settings.ap.slotMinutes', 5, 240, 'settings.ap.minutes')}
              {n(['bookAheadDays'], 'settings.ap.bookAheadDays', 0, 90, 'settings.ap.days')}
              {time('open')}
              {time('close')}
              {n(['perCustomerDailyCap'], 'settings.ap.perCustomerDailyCap', 1, 20, 'settings.ap.times')}
              <Col xs={24}>
                <Form.Item name={A('weekdays')} label={t('settings.ap.weekdays')}>
                  <Checkbox.Group options={weekdays} data-testid="ap-weekdays" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name={A('holidays')}
                  label={t('settings.ap.holidays')}
                  extra={t('settings.ap.holidaysHint')}
                >
                  <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="ap-holidays" />
                </Form.Item>
              </Col>
              {n(['windows', 'earlyMinutes'], 'settings.ap.earlyMinutes', 0, 240, 'settings.ap.minutes')}
              {n(
                ['windows', 'lateMinutes'],
                'settings.ap.lateMinutes',
                0,
                240,
                'settings.ap.minutes',
                'settings.ap.lateHint',
              )}
              {n(
                ['mixing', 'walkInsPerAppointment'],
                'settings.ap.walkInsPerAppointment',
                0,
                10,
                'settings.ap.people',
              )}
              {n(
                ['mixing', 'walkInMaxWaitMinutes'],
                'settings.ap.walkInMaxWaitMinutes',
                1,
                600,
                'settings.ap.minutes',
              )}
              {n(
                ['mixing', 'appointmentMaxLateMinutes'],
                'settings.ap.appointmentMaxLateMinutes',
                0,
                240,
                'settings.ap.minutes',
              )}
              {n(['reminders', 'dayBeforeHour'], 'settings.ap.dayBeforeHour', 0, 23, 'settings.ap.hour')}
              {n(['reminders', 'aheadNotice'], 'settings.ap.aheadNotice', 0, 20, 'settings.ap.people')}
            </Row>
          </div>
          <Typography.Title level={5}>{t('settings.ap.services')}</Typography.Title>
          <ListTable
            name={A('services')}
            testId="ap-services"
            minRows={1}
            maxRows={40}
            // Fits the card at 1366 px (998 px wide there) and scrolls only on a tablet: the names share a
            // column, one above the other, and the numbers keep narrow cells (it once scrolled to see the channels).
            scrollX={960}
            addLabel={t('settings.ap.add')}
            newItem={() => ({
              key: '',
              zh: '',
              en: '',
              intent: intents[0]?.value ?? '',
              capacityPerSlot: 1,
              dailyCap: 10,
              channels: ['desk'],
              largeCash: false,
            })}
            columns={[
              { ...(labelledColumns(t, 'ap-service')[0] as ListColumn), width: 110 },
              {
                title: `${t('settings.f.nameZh')} / ${t('settings.f.nameEn')}`,
                width: 170,
                render: (f) => (
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Form.Item name={[f.name, 'zh']} {...cell}>
                      <Input aria-label={t('settings.f.nameZh')} data-testid={`ap-service-zh-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'en']} {...cell}>
                      <Input aria-label={t('settings.f.nameEn')} />
                    </Form.Item>
                  </Space>
                ),
              },
              {
                title: t('settings.ap.intent'),
                width: 150,
                render: (f) => (
                  <Form.Item name={[f.name, 'intent']} {...cell}>
                    <Select options={intents} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.ap.capacityPerSlot'),
                width: 80,
                render: (f) => (
                  <Form.Item name={[f.name, 'capacityPerSlot']} {...cell}>
                    <InputNumber {...num} min={1} max={100} data-testid={`ap-service-capacity-${f.name}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.ap.dailyCap'),
                width: 80,
                render: (f) => (
                  <Form.Item name={[f.name, 'dailyCap']} {...cell}>
                    <InputNumber {...num} min={1} max={1000} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.ap.channels'),
                width: 180,
                render: (f) => (
                  <Form.Item name={[f.name, 'channels']} {...cell}>
                    <Select mode="multiple" options={channels} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.ap.largeCash'),
                width: 80,
                render: (f) => (
                  <Form.Item name={[f.name, 'largeCash']} valuePropName="checked" {...cell}>
                    <Switch />
                  </Form.Item>
                ),
              },
            ]}
          />
        </>
      )}
    </FormSection>
  );
}
