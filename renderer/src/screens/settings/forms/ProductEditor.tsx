import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CUSTOMER_KINDS, SEGMENTS } from '@shared/customer/enums';
import { KNOWN_GOALS } from '@shared/suggest/catalogue';
import { YuanInput } from '../YuanInput';
import { keyOptions, noEmpty, noNull, num } from './common';

const off = (v: unknown) => (v ? true : undefined);

/** The rest of one product, under its row: who it is for (kinds, segments, age, wealth), minimum, what to say. */
export function ProductEditor({ name, config }: { name: number; config: RulesConfig }) {
  const { t } = useTranslation();
  const tags = [...new Set(config.suggest.products.flatMap((p) => p.tags ?? []))].sort();
  const sw = (field: string, label: string, normalize?: (v: unknown) => unknown) => (
    <Col span={6}>
      <Form.Item name={[name, field]} label={label} valuePropName="checked" normalize={normalize}>
        <Switch size="small" />
      </Form.Item>
    </Col>
  );
  return (
    <div data-testid={`product-editor-${name}`} style={{ padding: '4px 8px' }}>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={[name, 'name', 'en']} label={t('settings.f.nameEn')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'kinds']} label={t('settings.f.kinds')}>
            <Select
              optionFilterProp="label"
              mode="multiple"
              options={keyOptions(CUSTOMER_KINDS, (k) => t(`customer.${k}`))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'segments']} label={t('settings.f.segments')} normalize={noEmpty}>
            <Select
              optionFilterProp="label"
              mode="multiple"
              allowClear
              options={keyOptions(SEGMENTS, (k) => t(`segment.${k}`))}
              placeholder={t('settings.f.anySegment')}
            />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name={[name, 'minAge']} label={t('settings.f.minAge')} normalize={noNull}>
            <InputNumber {...num} min={0} max={150} data-testid={`product-minAge-${name}`} />
          </Form.Item>
        </Col>
        <Col span={3}>
          <Form.Item name={[name, 'maxAge']} label={t('settings.f.maxAge')} normalize={noNull}>
            <InputNumber {...num} min={0} max={150} data-testid={`product-maxAge-${name}`} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={[name, 'minAmountFen']}
            label={t('settings.f.minAmount')}
            normalize={noNull}
            extra={t('settings.f.minAmountHint')}
          >
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name={[name, 'minAumFen']}
            label={t('settings.f.minAum')}
            normalize={noNull}
            extra={t('settings.f.wealthFitHint')}
          >
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'maxAumFen']} label={t('settings.f.maxAum')} normalize={noNull}>
            <YuanInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'goals']} label={t('settings.f.goals')} normalize={noEmpty}>
            <Select mode="tags" options={KNOWN_GOALS.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'tags']} label={t('settings.f.tags')} normalize={noEmpty}>
            <Select mode="tags" options={tags.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={[name, 'pitch', 'zh']}
            label={t('settings.f.sayZh')}
            extra={t('settings.f.sayHint')}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={[name, 'pitch', 'en']} label={t('settings.f.sayEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
          </Form.Item>
        </Col>
        {sw('marketing', t('settings.f.marketing'))}
        {sw('segmentsRequired', t('settings.f.segmentsRequired'), off)}
        {sw('allowTopUp', t('settings.f.allowTopUp'), off)}
      </Row>
    </div>
  );
}
