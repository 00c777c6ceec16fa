import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { ANSWER_LABELS, FEEDBACK_LEVELS } from '@shared/feedback/config';
import { FormSection } from '../FormSection';
import { cell, keyOptions, labelledColumns, ListTable, num, useLang } from './common';

/**
 * 服务评价（评价器）: the pad's timing and prompt, the optional dimensions, and the escalation rules that turn a
 * low score into a complaint or a follow-up (first matching rule wins, so the order matters).
 */
export function FeedbackSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const categories = config.visit.complaintCategories.map((c) => ({ value: c.key, label: c[lang] }));
  const sw = (k: string) => (
    <Col span={6} key={k}>
      <Form.Item name={['feedback', k]} label={t(`settings.f.fb.${k}`)} valuePropName="checked">
        <Switch />
      </Form.Item>
    </Col>
  );
  const n = (k: string, min: number, max: number) => (
    <Col span={6} key={k}>
      <Form.Item name={['feedback', k]} label={t(`settings.f.fb.${k}`)}>
        <InputNumber {...num} min={min} max={max} />
      </Form.Item>
    </Col>
  );
  return (
    <FormSection
      id="feedback"
      title={t('settings.sections.feedback')}
      hint={t('settings.f.feedbackHint')}
      paths={['feedback']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1100 }}>
          <Row gutter={16}>
            {sw('enabled')}
            {sw('speak')}
            {n('windowSeconds', 5, 600)}
            {n('thanksSeconds', 1, 30)}
            {n('surveyLinkMinutes', 5, 7 * 24 * 60)}
            <Col span={9}>
              <Form.Item name={['feedback', 'prompt', 'zh']} label={t('settings.f.fb.promptZh')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name={['feedback', 'prompt', 'en']} label={t('settings.f.fb.promptEn')}>
                <Input maxLength={80} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('settings.f.fb.dimensions')}</Typography.Title>
          <ListTable
            name={['feedback', 'dimensions']}
            testId="dimensions"
            reorder
            maxRows={6}
            addLabel={t('settings.f.fb.addDimension')}
            newItem={() => ({ key: '', zh: '', en: '' })}
            columns={labelledColumns(t, 'dimension')}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('settings.f.fb.escalation')}
          </Typography.Title>
          <ListTable
            name={['feedback', 'escalation']}
            testId="escalation"
            reorder
            maxRows={10}
            addLabel={t('settings.f.fb.addRule')}
            newItem={() => ({
              key: '',
              level: 'dissatisfied',
              count: 1,
              per: 'visit',
              action: 'complaint',
              category: 'other',
            })}
            columns={[
              {
                title: t('settings.f.key'),
                width: 150,
                render: (f) => (
                  <Form.Item name={[f.name, 'key']} {...cell}>
                    <Input />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.fb.level'),
                render: (f) => (
                  <Form.Item name={[f.name, 'level']} {...cell}>
                    <Select
                      optionFilterProp="label"
                      options={keyOptions(FEEDBACK_LEVELS, (k) => ANSWER_LABELS[k][lang])}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.fb.count'),
                width: 90,
                render: (f) => (
                  <Form.Item name={[f.name, 'count']} {...cell}>
                    <InputNumber {...num} min={1} max={20} />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.fb.per'),
                render: (f) => (
                  <Form.Item name={[f.name, 'per']} {...cell}>
                    <Select
                      optionFilterProp="label"
                      options={keyOptions(['visit', 'staff_day'] as const, (k) =>
                        t(`settings.f.fb.per_${k}`),
                      )}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.fb.action'),
                render: (f) => (
                  <Form.Item name={[f.name, 'action']} {...cell}>
                    <Select
                      optionFilterProp="label"
                      options={keyOptions(['complaint', 'follow_up'] as const, (k) =>
                        t(`settings.f.fb.action_${k}`),
                      )}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('settings.f.fb.category'),
                render: (f) => (
                  <Form.Item name={[f.name, 'category']} {...cell}>
                    <Select optionFilterProp="label" options={categories} />
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
