import { Col, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { PRODUCT_TYPES } from '@shared/customer/enums';
import { FormSection } from '../FormSection';
import { noNull, num, useLang } from './common';
import { TagReasons } from './TagReasons';

const C = (...rest: string[]) => ['suggestLearning', 'cooldown', ...rest];

/**
 * 推荐学习 (Step 15): how long a declined or accepted product stays out of the suggestions (by reason, by type),
 * how the branch's own conversion lifts or lowers a product, and the card's reason per need tag.
 */
export function LearningSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  const lang = useLang();
  const reasons = config.visit.declineReasons.map((r) => ({ value: r.key, label: r[lang] }));
  const days = (path: string[], label: string) => (
    <Col span={6}>
      <Form.Item name={path} label={label}>
        <InputNumber {...num} min={0} max={3650} addonAfter={t('settings.f.days')} />
      </Form.Item>
    </Col>
  );
  /** Days per key (reason, type), three to a row; a blank box means "not listed": the default applies. */
  const table = (field: string, keys: { value: string; label: string }[]) => (
    <Row gutter={[12, 8]} style={{ marginBottom: 16 }}>
      {keys.map((k) => (
        <Col span={8} key={k.value}>
          <Form.Item name={C(field, k.value)} normalize={noNull} noStyle>
            <InputNumber
              addonBefore={<span style={{ display: 'inline-block', minWidth: 130 }}>{k.label}</span>}
              addonAfter={t('settings.f.days')}
              min={0}
              max={3650}
              style={{ width: '100%' }}
              data-testid={`cooldown-${field}-${k.value}`}
            />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
  const conv = (k: string, props: object) => (
    <Col span={6} key={k}>
      <Form.Item name={['suggestLearning', 'conversion', k]} label={t(`settings.f.ln.${k}`)}>
        <InputNumber {...num} {...props} />
      </Form.Item>
    </Col>
  );
  return (
    <FormSection
      id="learning"
      title={t('settings.sections.learning')}
      hint={t('settings.f.learningHint')}
      paths={['suggestLearning']}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1150 }}>
          <Typography.Title level={5}>{t('settings.f.ln.declined')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('settings.f.ln.blankDefault')}</Typography.Paragraph>
          {table('declinedDaysByReason', reasons)}
          <Row gutter={16}>
            {days(C('declinedDefaultDays'), t('settings.f.ln.declinedDefaultDays'))}
            {days(C('interestedMarkDays'), t('settings.f.ln.interestedMarkDays'))}
            <Col span={8}>
              <Form.Item
                name={C('notSuitableUntilReassessed')}
                label={t('settings.f.ln.notSuitableUntilReassessed')}
                valuePropName="checked"
              >
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('settings.f.ln.accepted')}</Typography.Title>
          {table(
            'acceptedDaysByType',
            PRODUCT_TYPES.map((k) => ({ value: k, label: t(`productType.${k}`) })),
          )}
          <Row gutter={16}>{days(C('acceptedDefaultDays'), t('settings.f.ln.acceptedDefaultDays'))}</Row>
          <Typography.Title level={5}>{t('settings.f.ln.conversion')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('settings.f.ln.conversionHint')}</Typography.Paragraph>
          <Row gutter={16}>
            {conv('weight', { min: 0, max: 100, step: 0.5 })}
            {conv('priorRate', { min: 0.01, max: 0.99, step: 0.05 })}
            {conv('priorStrength', { min: 0.1, max: 1000 })}
            {conv('windowDays', { min: 1, max: 3650 })}
            {conv('sayableDelta', { min: 0, max: 1, step: 0.05 })}
            {conv('minShown', { min: 1, max: 1000 })}
          </Row>
          <TagReasons config={config} />
        </div>
      )}
    </FormSection>
  );
}
