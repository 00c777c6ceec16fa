import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CORPORATE_GRADES, LIFECYCLES, RELATIONSHIP_TYPES } from '@shared/customer/enums';
import { OUTREACH_PURPOSES, OUTREACH_RULE_KEYS, type OutreachRuleKey } from '@shared/outreach/config';
import { YuanInput } from '../YuanInput';
import { keyOptions, noNull, num, useLang } from './common';

const R = (rule: OutreachRuleKey, ...rest: string[]) => ['outreach', 'rules', rule, ...rest];

/** The outreach lists' rules (Step 14), one card each: on/off, purpose, cool-down, and its own thresholds. */
export function OutreachRules({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tiers = config.customer.tiers.map((b) => ({ value: b.key, label: b[lang] }));
  const n = (rule: OutreachRuleKey, field: string, props: object = {}) => (
    <Col span={6}>
      <Form.Item name={R(rule, field)} label={t(`settings.f.or.${field}`)}>
        <InputNumber {...num} min={0} {...props} data-testid={`outreach-${rule}-${field}`} />
      </Form.Item>
    </Col>
  );
  const sw = (rule: OutreachRuleKey, field: string) => (
    <Col span={6}>
      <Form.Item name={R(rule, field)} label={t(`settings.f.or.${field}`)} valuePropName="checked">
        <Switch size="small" />
      </Form.Item>
    </Col>
  );
  /** A days-per-key table (tier, grade, relationship): a blank box means "not listed". */
  const perKey = (rule: OutreachRuleKey, field: string, keys: { value: string; label: string }[]) => (
    <Col span={24}>
      <Form.Item label={t(`settings.f.or.${field}`)} style={{ marginBottom: 8 }}>
        <Row gutter={[12, 8]}>
          {keys.map((k) => (
            <Col span={6} key={k.value}>
              <Form.Item name={R(rule, field, k.value)} normalize={noNull} noStyle>
                <InputNumber
                  addonBefore={<span style={{ display: 'inline-block', minWidth: 72 }}>{k.label}</span>}
                  style={{ width: '100%' }}
                  min={1}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
    </Col>
  );
  const own: Record<OutreachRuleKey, ReactNode> = {
    dormant: (
      <>
        {n('dormant', 'inactiveDays')}
        <Col span={12}>
          <Form.Item name={R('dormant', 'lifecycles')} label={t('settings.f.lifecycles')}>
            <Select
              optionFilterProp="label"
              mode="multiple"
              options={keyOptions(LIFECYCLES, (k) => t(`lifecycle.${k}`))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={R('dormant', 'tiers')} label={t('settings.f.or.dormantTiers')}>
            <Select
              optionFilterProp="label"
              mode="multiple"
              options={tiers}
              data-testid="outreach-dormant-tiers"
            />
          </Form.Item>
        </Col>
      </>
    ),
    churnRisk: (
      <>
        {n('churnRisk', 'dropPct', { max: 100 })}
        {n('churnRisk', 'months', { max: 24 })}
        <Col span={6}>
          <Form.Item name={R('churnRisk', 'minAumFen')} label={t('settings.f.or.minAumFen')}>
            <YuanInput data-testid="outreach-churnRisk-minAum" />
          </Form.Item>
        </Col>
        {sw('churnRisk', 'tierDowngrade')}
      </>
    ),
    crossed: (
      <>
        <Col span={18}>
          <Form.Item label={t('settings.f.or.milestonesFen')} style={{ marginBottom: 8 }}>
            <Form.List name={R('crossed', 'milestonesFen')}>
              {(fields, { add, remove }) => (
                <Space wrap>
                  {fields.map((f) => (
                    <Space.Compact key={f.key}>
                      <Form.Item name={f.name} noStyle>
                        <YuanInput />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)}>×</Button>
                    </Space.Compact>
                  ))}
                  <Button onClick={() => add(5_000_000)} disabled={fields.length >= 10}>
                    {t('settings.f.or.addMilestone')}
                  </Button>
                </Space>
              )}
            </Form.List>
          </Form.Item>
        </Col>
        {sw('crossed', 'nextTier')}
      </>
    ),
    periodic: (
      <>
        {perKey('periodic', 'everyDaysByTier', tiers)}
        {perKey(
          'periodic',
          'everyDaysByGrade',
          keyOptions(CORPORATE_GRADES, (k) => t(`grade.${k}`)),
        )}
        {perKey(
          'periodic',
          'relationshipPct',
          keyOptions(RELATIONSHIP_TYPES, (k) => t(`relationship.${k}`)),
        )}
      </>
    ),
    maturity: n('maturity', 'withinDays', { max: 90 }),
    birthday: (
      <Col span={12}>
        <Form.Item name={R('birthday', 'tiers')} label={t('settings.f.or.birthdayTiers')}>
          <Select optionFilterProp="label" mode="multiple" options={tiers} />
        </Form.Item>
      </Col>
    ),
    onboarding: (
      <>
        {n('onboarding', 'firstDays', { max: 90 })}
        {n('onboarding', 'callWithinDays', { max: 90 })}
      </>
    ),
  };
  return (
    <>
      {OUTREACH_RULE_KEYS.map((rule) => (
        <Card
          key={rule}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid={`outreach-rule-${rule}`}
          title={t(`settings.f.or.rule.${rule}`)}
          extra={
            <Form.Item name={R(rule, 'enabled')} valuePropName="checked" noStyle>
              <Switch size="small" data-testid={`outreach-enabled-${rule}`} />
            </Form.Item>
          }
        >
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name={R(rule, 'purpose')} label={t('settings.f.or.purpose')}>
                <Select
                  optionFilterProp="label"
                  options={keyOptions(OUTREACH_PURPOSES, (k) => t(`settings.f.or.purpose_${k}`))}
                />
              </Form.Item>
            </Col>
            {n(rule, 'cooldownDays', { min: 1, max: 366 })}
            {own[rule]}
          </Row>
        </Card>
      ))}
    </>
  );
}
