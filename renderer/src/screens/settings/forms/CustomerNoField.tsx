import { Alert, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patternError, readsAsCustomerNo, swallowedNumbers } from '@shared/customer/number-pattern';
import './text-general';

const PATH = ['customer', 'customerNoPattern'];

/**
 * 客户号格式: the regular expression the counter lookup and the customer import read customer numbers by. Checked
 * as the manager types (it must compile, as the server requires), with a warning when it would also take phone,
 * ID or card numbers, and a box to try a number the way the lookup reads it.
 */
export function CustomerNoField() {
  const { t } = useTranslation();
  const [sample, setSample] = useState('');
  const pattern = (Form.useWatch(PATH) as string | undefined) ?? '';
  const swallowed = swallowedNumbers(pattern);
  const reads = sample.trim() ? readsAsCustomerNo(pattern, sample) : null;
  return (
    <>
      <Form.Item
        name={PATH}
        label={t('settings.cn.label')}
        extra={t('settings.cn.hint')}
        rules={[
          { required: true, whitespace: true, message: t('settings.cn.required') },
          {
            validator: (_r, v: unknown) => {
              const why = typeof v === 'string' && v ? patternError(v) : null;
              return why ? Promise.reject(new Error(t('settings.cn.invalid', { why }))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input
          maxLength={200}
          spellCheck={false}
          style={{ fontFamily: 'monospace' }}
          data-testid="field-customerNoPattern"
        />
      </Form.Item>
      {swallowed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="customerNoPattern-swallows"
          title={t('settings.cn.swallows', {
            what: swallowed.map((k) => t(`settings.cn.${k}`)).join('、'),
          })}
        />
      )}
      <Form.Item label={t('settings.cn.sample')} style={{ marginBottom: 16 }}>
        <Input
          value={sample}
          onChange={(e) => setSample(e.target.value)}
          placeholder={t('settings.cn.samplePlaceholder')}
          maxLength={40}
          data-testid="customerNoPattern-sample"
        />
        {reads !== null && (
          <Typography.Text
            type={reads ? 'success' : 'secondary'}
            style={{ display: 'block', marginTop: 4 }}
            data-testid="customerNoPattern-reads"
          >
            {reads ? t('settings.cn.matches') : t('settings.cn.noMatch')}
          </Typography.Text>
        )}
      </Form.Item>
    </>
  );
}
