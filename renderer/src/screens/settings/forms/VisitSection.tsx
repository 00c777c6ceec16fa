import { Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { FormSection } from '../FormSection';
import { cell, labelledColumns, ListTable, num } from './common';

/** 办结与投诉: outcome capture, the follow-up default, decline reasons and complaint categories with deadlines. */
export function VisitSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="visit"
      title={t('settings.sections.visit')}
      hint={t('settings.f.visitHint')}
      paths={['visit']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1000 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item
                name={['visit', 'requireOutcome']}
                label={t('settings.f.requireOutcome')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['visit', 'followUpDefaultDays']} label={t('settings.f.followUpDefaultDays')}>
                <InputNumber {...num} min={1} max={90} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('settings.f.declineReasons')}</Typography.Title>
          <ListTable
            name={['visit', 'declineReasons']}
            testId="decline-reasons"
            reorder
            minRows={1}
            addLabel={t('settings.f.addReason')}
            newItem={() => ({ key: '', zh: '', en: '' })}
            columns={labelledColumns(t, 'decline')}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('settings.f.complaintCategories')}
          </Typography.Title>
          <ListTable
            name={['visit', 'complaintCategories']}
            testId="complaint-categories"
            reorder
            minRows={1}
            addLabel={t('settings.f.addCategory')}
            newItem={() => ({ key: '', zh: '', en: '', deadlineDays: 5 })}
            columns={[
              ...labelledColumns(t, 'category'),
              {
                title: t('settings.f.deadlineDays'),
                width: 130,
                render: (f) => (
                  <Form.Item name={[f.name, 'deadlineDays']} {...cell}>
                    <InputNumber {...num} min={1} max={60} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </div>
      )}
    </FormSection>
  );
}
