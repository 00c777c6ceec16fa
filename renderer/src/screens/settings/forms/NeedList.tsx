import { Button, Col, Form, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PathKey } from '../paths';
import { noEmpty, noNull } from './common';

export interface NeedOptions {
  types: { value: string; label: string }[];
  tags: { value: string; label: string }[];
  products: { value: string; label: string }[];
}

/**
 * What one entry of a need table wants (a tier, a segment, an intent…): a list of "matchers", each selecting products
 * by type, need tag or by name, with a weight. Read as: 中端客户 → 类型 {短期理财} 或 标签 {…} ×1.5.
 */
export function NeedList({
  name,
  label,
  testId,
  options,
}: {
  name: PathKey[];
  label: string;
  testId: string;
  options: NeedOptions;
}) {
  const { t } = useTranslation();
  const select = (
    field: number,
    key: 'types' | 'tags' | 'codes',
    opts: { value: string; label: string }[],
  ) => (
    <Form.Item name={[field, key]} normalize={noEmpty} style={{ marginBottom: 4 }}>
      <Select
        mode={key === 'tags' ? 'tags' : 'multiple'}
        optionFilterProp="label"
        allowClear
        placeholder={t(`settings.nd.${key}`)}
        options={opts}
        data-testid={`${testId}-${field}-${key}`}
      />
    </Form.Item>
  );
  return (
    <Row gutter={12} data-testid={testId} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Col xs={24} md={5}>
        <Typography.Text strong>{label}</Typography.Text>
      </Col>
      <Col xs={24} md={19}>
        <Form.List name={name}>
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t('settings.nd.none')}</Typography.Text>
              )}
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top" wrap={false} data-testid={`${testId}-row-${i}`}>
                  <Col flex="28px" style={{ paddingTop: 5 }}>
                    <Typography.Text type="secondary">
                      {i === 0 ? '' : t('settings.nd.anyOf')}
                    </Typography.Text>
                  </Col>
                  <Col flex="1 1 0" style={{ minWidth: 0 }}>
                    <Row gutter={8}>
                      <Col xs={24} lg={8}>
                        {select(f.name, 'types', options.types)}
                      </Col>
                      <Col xs={24} lg={8}>
                        {select(f.name, 'tags', options.tags)}
                      </Col>
                      <Col xs={24} lg={8}>
                        {select(f.name, 'codes', options.products)}
                      </Col>
                    </Row>
                  </Col>
                  <Col flex="110px">
                    <Form.Item name={[f.name, 'weight']} normalize={noNull} style={{ marginBottom: 4 }}>
                      <InputNumber
                        min={0}
                        max={10}
                        step={0.25}
                        prefix="×"
                        placeholder="1"
                        style={{ width: '100%' }}
                        title={t('settings.nd.weight')}
                        data-testid={`${testId}-${i}-weight`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="72px">
                    <Button
                      size="small"
                      type="text"
                      danger
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 4 }}
                    >
                      {t('settings.remove')}
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button size="small" type="dashed" onClick={() => add({})} data-testid={`${testId}-add`}>
                {t('settings.nd.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Col>
    </Row>
  );
}
