import { Col, Divider, Form, InputNumber, List, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RulesConfig } from '@shared/config/schema';
import { FormSection } from '../FormSection';
import { cell, ListTable, num, useLang } from './common';
import './text-general';

/**
 * What the staffing form saves. The applied counter plans (`staffing.plans`) are left out on purpose: a plan is
 * worked out from the branch's traffic and applied on the staffing screen, so a save here never drops a plan
 * applied meanwhile.
 */
export const STAFFING_PATHS = [
  'staffing.intervalMinutes',
  'staffing.dayStart',
  'staffing.dayEnd',
  'staffing.targets',
  'staffing.replications',
  'staffing.seed',
] as const;

/** Quarter hours of the day: picked, not typed, so a time is always HH:MM. */
const TIMES = Array.from({ length: 96 }, (_, i) => {
  const hhmm = `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`;
  return { value: hhmm, label: hhmm };
});

/**
 * 排班测算: the service target of each queue, the planning hours and the simulation's settings the staffing screen
 * works with (edited nowhere else), and the plans applied there, listed with a link to it.
 */
export function StaffingSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queues = config.queue.queues.map((q) => ({ value: q.key, label: q[lang] }));
  const plans = [...config.staffing.plans].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <FormSection
      id="staffing"
      title={t('settings.sections.staffing')}
      hint={t('settings.st.hint')}
      paths={STAFFING_PATHS}
      config={config}
    >
      {(form) => (
        <>
          <Typography.Title level={5}>{t('settings.st.targets')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('settings.st.targetsHint')}</Typography.Paragraph>
          <ListTable
            name={['staffing', 'targets']}
            testId="staffing-targets"
            addLabel={t('settings.st.addTarget')}
            // A new row takes the first queue still without a target (one target per queue).
            newItem={() => {
              const taken = new Set(
                ((form.getFieldValue(['staffing', 'targets']) ?? []) as { queue?: string }[]).map(
                  (x) => x.queue,
                ),
              );
              return {
                queue: queues.find((q) => !taken.has(q.value))?.value ?? '',
                waitMinutes: 10,
                percent: 80,
              };
            }}
            columns={[
              {
                title: t('settings.st.queue'),
                render: (f) => (
                  <Form.Item name={[f.name, 'queue']} {...cell}>
                    <Select options={queues} data-testid={`staffing-queue-${f.name}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.st.waitMinutes'),
                width: 170,
                render: (f) => (
                  <Form.Item name={[f.name, 'waitMinutes']} {...cell}>
                    <InputNumber
                      {...num}
                      min={0.5}
                      max={240}
                      step={0.5}
                      data-testid={`staffing-wait-${f.name}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.st.percent'),
                width: 170,
                render: (f) => (
                  <Form.Item name={[f.name, 'percent']} {...cell}>
                    <InputNumber {...num} min={1} max={100} data-testid={`staffing-percent-${f.name}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Divider />
          <Row gutter={16} style={{ maxWidth: 900 }}>
            <Col xs={24} md={8}>
              <Form.Item name={['staffing', 'dayStart']} label={t('settings.st.dayStart')}>
                <Select options={TIMES} showSearch data-testid="staffing-dayStart" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['staffing', 'dayEnd']} label={t('settings.st.dayEnd')}>
                <Select options={TIMES} showSearch data-testid="staffing-dayEnd" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['staffing', 'intervalMinutes']} label={t('settings.st.intervalMinutes')}>
                <Select
                  options={[15, 30, 60].map((n) => ({ value: n, label: t('settings.st.minutes', { n }) }))}
                  data-testid="staffing-intervalMinutes"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['staffing', 'replications']}
                label={t('settings.st.replications')}
                extra={t('settings.st.replicationsHint')}
              >
                <InputNumber {...num} min={10} max={1000} data-testid="staffing-replications" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['staffing', 'seed']}
                label={t('settings.st.seed')}
                extra={t('settings.st.seedHint')}
              >
                <InputNumber {...num} min={0} max={2 ** 31 - 1} data-testid="staffing-seed" />
              </Form.Item>
            </Col>
          </Row>
          <Divider />
          <Typography.Title level={5}>{t('settings.st.plans')}</Typography.Title>
          <List
            size="small"
            data-testid="staffing-plans"
            dataSource={plans}
            locale={{ emptyText: t('settings.st.plansNone') }}
            renderItem={(p) => (
              <List.Item>
                {t('settings.st.planLine', { date: p.date, n: p.intervals.length })}
                {p.note ? ` · ${p.note}` : ''}
              </List.Item>
            )}
          />
          <Link to="/staffing" data-testid="staffing-open">
            {t('settings.st.openStaffing')}
          </Link>
        </>
      )}
    </FormSection>
  );
}
