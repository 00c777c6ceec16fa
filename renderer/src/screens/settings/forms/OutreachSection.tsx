import { Col, Form, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CORPORATE_GRADES } from '@shared/customer/enums';
import { FormSection } from '../FormSection';
import { cell, keyOptions, labelledColumns, ListTable, num, useLang } from './common';
import { OutreachRules } from './OutreachRules';

/** 客户维护 (Step 14): who gets an owning manager, the outreach lists' rules, contact channels and results. */
export function OutreachSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labelled = (path: string, testId: string, add: string, extra = false) => (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t(`settings.f.or.${path}`)}
      </Typography.Title>
      <ListTable
        name={['outreach', path]}
        testId={testId}
        reorder
        minRows={1}
        addLabel={add}
        newItem={() => (extra ? { key: '', zh: '', en: '', reached: true } : { key: '', zh: '', en: '' })}
        columns={[
          ...labelledColumns(t, testId),
          ...(extra
            ? [
                {
                  title: t('settings.f.or.reached'),
                  width: 100,
                  render: (f: { name: number }) => (
                    <Form.Item name={[f.name, 'reached']} valuePropName="checked" {...cell}>
                      <Switch size="small" />
                    </Form.Item>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
  return (
    <FormSection
      id="outreach"
      title={t('settings.sections.outreach')}
      hint={t('settings.f.outreachHint')}
      paths={['outreach']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1100 }}>
          <Row gutter={16}>
            <Col span={9}>
              <Form.Item name={['outreach', 'ownedTiers']} label={t('settings.f.or.ownedTiers')}>
                <Select
                  optionFilterProp="label"
                  mode="multiple"
                  options={config.customer.tiers.map((b) => ({ value: b.key, label: b[lang] }))}
                />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name={['outreach', 'ownedCorporateGrades']} label={t('settings.f.or.ownedGrades')}>
                <Select
                  optionFilterProp="label"
                  mode="multiple"
                  options={keyOptions(CORPORATE_GRADES, (k) => t(`grade.${k}`))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['outreach', 'overdueAfterDays']} label={t('settings.f.or.overdueAfterDays')}>
                <InputNumber {...num} min={0} max={60} />
              </Form.Item>
            </Col>
          </Row>
          <OutreachRules config={config} />
          {labelled('channels', 'outreach-channels', t('settings.f.or.addChannel'))}
          {labelled('results', 'outreach-results', t('settings.f.or.addResult'), true)}
          {labelled('churnReasons', 'churn-reasons', t('settings.f.addReason'))}
        </div>
      )}
    </FormSection>
  );
}
