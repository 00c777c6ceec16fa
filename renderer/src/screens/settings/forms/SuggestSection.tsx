import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CUSTOMER_KINDS, PRODUCT_TYPES } from '@shared/customer/enums';
import { YuanInput } from '../YuanInput';
import { FormSection } from '../FormSection';
import { keyOptions, num, useLang } from './common';

const WEIGHTS = [
  'intent',
  'campaign',
  'nextTierGap',
  'tierGoal',
  'segmentNeed',
  'segmentTarget',
  'lifecycle',
  'linkedEntity',
  'corporateGrade',
] as const;

/**
 * 推荐权重: how many suggestions, how each reason weighs, the minimum-amount filter and the lines said around the
 * pitch. The need tables (what each tier, segment, intent… wants) have their own form (NeedsSection).
 */
export function SuggestSection({ config, paths }: { config: RulesConfig; paths: readonly string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const types = keyOptions(PRODUCT_TYPES, (k) => t(`productType.${k}`));
  const n = (path: string[], label: string, extra?: string, props: object = {}) => (
    <Col span={6} key={path.join('.')}>
      <Form.Item name={['suggest', ...path]} label={label} extra={extra}>
        <InputNumber {...num} {...props} data-testid={`suggest-${path.join('-')}`} />
      </Form.Item>
    </Col>
  );
  return (
    <FormSection
      id="suggest"
      title={t('settings.sections.suggest')}
      hint={t('settings.f.suggestHint')}
      paths={paths}
      config={config}
    >
      {() => (
        <div style={{ maxWidth: 1100 }}>
          <Row gutter={16}>
            {n(['topN'], t('settings.f.topN'))}
            {n(['maxPerType'], t('settings.f.maxPerType'))}
            {n(['riskAssessmentValidDays'], t('settings.f.riskValidDays'))}
          </Row>
          <Typography.Title level={5}>{t('settings.f.weights')}</Typography.Title>
          <Row gutter={16}>
            {WEIGHTS.map((w) => n(['weights', w], t(`settings.f.w.${w}`), undefined, { min: 0, step: 0.5 }))}
          </Row>
          <Typography.Title level={5}>{t('settings.f.filters')}</Typography.Title>
          <Row gutter={16}>
            {n(['nextTierGap', 'maxShareOfNextTier'], t('settings.f.maxShareOfNextTier'), undefined, {
              min: 0,
              max: 1,
              step: 0.05,
            })}
            <Col span={6}>
              <Form.Item name={['suggest', 'nextTierGap', 'kinds']} label={t('settings.f.nextTierKinds')}>
                <Select
                  optionFilterProp="label"
                  mode="multiple"
                  options={keyOptions(CUSTOMER_KINDS, (k) => t(`customer.${k}`))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name={['suggest', 'minAmount', 'withinReachFen']}
                label={t('settings.f.withinReach')}
                extra={t('settings.f.withinReachHint')}
              >
                <YuanInput />
              </Form.Item>
            </Col>
            {n(['minAmount', 'aumMultiple'], t('settings.f.aumMultiple'), undefined, { min: 0, step: 0.5 })}
            <Col span={12}>
              <Form.Item name={['suggest', 'minAmount', 'appliesTo']} label={t('settings.f.minAmountTypes')}>
                <Select optionFilterProp="label" mode="multiple" options={types} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['suggest', 'singleHoldingTypes']} label={t('settings.f.singleHoldingTypes')}>
                <Select optionFilterProp="label" mode="multiple" options={types} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={['suggest', 'quietIntents']}
                label={t('settings.f.quietIntents')}
                extra={t('settings.f.quietIntentsHint')}
              >
                <Select
                  optionFilterProp="label"
                  mode="multiple"
                  options={config.triage.intents.map((i) => ({ value: i.key, label: i[lang] }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('settings.f.lines')}</Typography.Title>
          <Row gutter={16}>
            {(['nextTierGap', 'fallbackPitch'] as const).flatMap((k) =>
              (['zh', 'en'] as const).map((l) => (
                <Col span={12} key={`${k}-${l}`}>
                  <Form.Item
                    name={['suggest', 'lines', k, l]}
                    label={`${t(`settings.f.line.${k}`)}（${l === 'zh' ? '中文' : 'English'}）`}
                    extra={l === 'zh' ? t(`settings.f.line.${k}Hint`) : undefined}
                  >
                    <Input />
                  </Form.Item>
                </Col>
              )),
            )}
          </Row>
        </div>
      )}
    </FormSection>
  );
}
