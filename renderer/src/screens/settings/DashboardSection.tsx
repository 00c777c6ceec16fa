import { Button, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { FormSection } from './FormSection';

const num = { style: { width: '100%' } } as const;
const ALERTS = ['waitMinutes', 'serviceMinutes', 'idleWithQueueMinutes', 'queueLength'] as const;

/** 看板：服务目标与预警 — each queue's service-level target and the alert thresholds, as a form. */
export function DashboardSection({ config }: { config: RulesConfig }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const queues = config.queue.queues.map((q) => ({ value: q.key, label: en ? q.en : q.zh }));
  return (
    <FormSection
      id="dashboard"
      title={t('settings.sections.dashboard')}
      hint={t('settings.dash.hint')}
      paths={['dashboard']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 900 }}>
          <Typography.Text strong>{t('settings.dash.targets')}</Typography.Text>
          <Form.List name={['dashboard', 'slTargets']}>
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  <Row gutter={12} key={f.key} data-testid={`sl-row-${f.name}`}>
                    <Col span={10}>
                      <Form.Item
                        name={[f.name, 'queue']}
                        label={f.name === 0 ? t('settings.dash.queue') : undefined}
                      >
                        <Select options={queues} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name={[f.name, 'minutes']}
                        label={f.name === 0 ? t('settings.dash.within') : undefined}
                      >
                        <InputNumber {...num} min={0} data-testid={`sl-minutes-${f.name}`} />
                      </Form.Item>
                    </Col>
                    <Col span={4} style={{ paddingTop: f.name === 0 ? 30 : 0 }}>
                      <Button danger type="text" onClick={() => remove(f.name)}>
                        {t('settings.remove')}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add({ queue: undefined, minutes: 10 })}>
                  {t('settings.dash.addTarget')}
                </Button>
              </div>
            )}
          </Form.List>
          <Row gutter={16} style={{ marginTop: 24 }}>
            <Col span={12}>
              <Form.Item name={['dashboard', 'defaultSlMinutes']} label={t('settings.dash.defaultSl')}>
                <InputNumber {...num} />
              </Form.Item>
            </Col>
            {ALERTS.map((k) => (
              <Col span={12} key={k}>
                <Form.Item name={['dashboard', 'alerts', k]} label={t(`settings.dash.${k}`)}>
                  <InputNumber {...num} data-testid={`alert-${k}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      )}
    </FormSection>
  );
}
