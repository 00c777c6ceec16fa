import { Alert, Button, Card, Form, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_DATASETS as DATASETS, type ExportDataset as Dataset } from '@shared/api/imports';
import { routes } from '@shared/api/routes';
import { hrefOf } from '../../api/client';
import './text';

/** 数据导出: the branch manager downloads visits, outcomes, follow-ups or complaints, PII masked. */
export default function ExportScreen() {
  const { t } = useTranslation();
  const [dataset, setDataset] = useState<Dataset>('visits');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const href = hrefOf(routes.exports.download, {
    params: { dataset },
    query: { format, ...(from ? { from } : {}), ...(to ? { to } : {}) },
  });
  const badRange = from !== '' && to !== '' && from > to;
  return (
    <Space
      direction="vertical"
      size="large"
      style={{ width: '100%', maxWidth: 900 }}
      data-testid="export-screen"
    >
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('dataExport.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dataExport.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('dataExport.dataset')}>
            <Segmented<Dataset>
              value={dataset}
              onChange={setDataset}
              options={DATASETS.map((d) => ({ value: d, label: t(`dataExport.datasets.${d}`) }))}
              data-testid="export-dataset"
            />
          </Form.Item>
          <Form.Item
            label={`${t('dataExport.from')} / ${t('dataExport.to')}`}
            extra={t('dataExport.rangeHint')}
          >
            <Space>
              <Input
                type="date"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                style={{ width: 170 }}
              />
              <span>—</span>
              <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 170 }} />
            </Space>
          </Form.Item>
          <Form.Item label={t('dataExport.format')}>
            <Segmented
              value={format}
              onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
              options={[
                { value: 'xlsx', label: 'Excel (.xlsx)' },
                { value: 'csv', label: 'CSV (UTF-8)' },
              ]}
            />
          </Form.Item>
          {badRange && (
            <Alert type="warning" showIcon title={`${t('dataExport.from')} > ${t('dataExport.to')}`} />
          )}
          <Button
            type="primary"
            size="large"
            href={badRange ? undefined : href}
            disabled={badRange}
            data-testid="export-download"
          >
            {t('dataExport.download')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
