import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { CUSTOMER_KINDS, LIFECYCLES, SEGMENTS } from '@shared/customer/enums';
import { campaignDays, campaignPeriod } from '@shared/suggest/campaign-period';
import { FormSection } from '../FormSection';
import type { FieldIssue } from '../issues';
import { cell, keyOptions, ListTable, noEmpty, num, rowsWithIssues, useLang } from './common';

const PATH = ['suggest', 'campaigns'];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** 营销活动: when each runs (days, or months every year), whom it targets, which products it lifts and by how much. */
export function CampaignsSection({ config }: { config: RulesConfig }) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="campaigns"
      title={t('settings.sections.campaigns')}
      hint={t('settings.f.campaignsHint')}
      paths={['suggest.campaigns']}
      config={config}
    >
      {(form, issues) => <CampaignTable form={form} issues={issues} config={config} />}
    </FormSection>
  );
}

type Lines = { zh: string; en: string };

/** An optional pair of lines (zh, en): absent when both are blank. */
function OptionalLines({ value, onChange }: { value?: Lines; onChange?: (v: Lines | undefined) => void }) {
  const set = (l: keyof Lines, s: string) => {
    const next = { zh: value?.zh ?? '', en: value?.en ?? '', [l]: s };
    onChange?.(next.zh || next.en ? next : undefined);
  };
  return (
    <Row gutter={12}>
      {(['zh', 'en'] as const).map((l) => (
        <Col span={12} key={l}>
          <Input.TextArea
            value={value?.[l] ?? ''}
            onChange={(e) => set(l, e.target.value)}
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={l === 'zh' ? 200 : 300}
            placeholder={l === 'zh' ? '中文' : 'English'}
          />
        </Col>
      ))}
    </Row>
  );
}

/** First and last day in the branch's zone; the stored [start, end) instants follow. */
function Period({ form, row, tz }: { form: FormInstance; row: number; tz: string }) {
  const at = [...PATH, row];
  return (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const c = (form.getFieldValue(at) ?? {}) as { start?: number; end?: number };
        const d = campaignDays(c, tz);
        return (
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[d.from ? dayjs(d.from) : null, d.to ? dayjs(d.to) : null]}
            onChange={(v) => {
              const p = campaignPeriod(
                {
                  from: v?.[0] ? (v[0] as Dayjs).format('YYYY-MM-DD') : null,
                  to: v?.[1] ? (v[1] as Dayjs).format('YYYY-MM-DD') : null,
                },
                tz,
              );
              form.setFieldValue([...at, 'start'], p.start);
              form.setFieldValue([...at, 'end'], p.end);
            }}
            style={{ width: '100%' }}
            data-testid={`campaign-period-${row}`}
          />
        );
      }}
    </Form.Item>
  );
}

function CampaignTable({
  form,
  issues,
  config,
}: {
  form: FormInstance;
  issues: readonly FieldIssue[];
  config: RulesConfig;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<number[]>([]);
  const tz = config.branch.timezone;
  const products = config.suggest.products.map((p) => ({ value: p.code, label: p.name[lang] }));
  const tiers = config.customer.tiers.map((b) => ({ value: b.key, label: b[lang] }));
  const multi = (name: number, field: string, label: string, options: { value: string; label: string }[]) => (
    <Col span={6}>
      <Form.Item name={[name, field]} label={label} normalize={noEmpty}>
        <Select
          optionFilterProp="label"
          mode="multiple"
          allowClear
          options={options}
          placeholder={t('settings.f.everyone')}
        />
      </Form.Item>
    </Col>
  );
  return (
    <ListTable
      name={PATH}
      testId="campaigns"
      reorder
      scrollX={1200}
      expanded={[...new Set([...open, ...rowsWithIssues(issues, 'suggest.campaigns')])]}
      onExpand={setOpen}
      addLabel={t('settings.f.addCampaign')}
      newItem={() => ({ id: '', name: { zh: '', en: '' }, productCodes: [], boost: 2 })}
      expand={(f) => (
        <Row gutter={12} style={{ padding: '4px 8px' }} data-testid={`campaign-editor-${f.name}`}>
          <Col span={6}>
            <Form.Item name={[f.name, 'name', 'en']} label={t('settings.f.nameEn')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={[f.name, 'months']}
              label={t('settings.f.months')}
              normalize={noEmpty}
              extra={t('settings.f.monthsHint')}
            >
              <Select
                optionFilterProp="label"
                mode="multiple"
                allowClear
                options={MONTHS.map((m) => ({ value: m, label: t('settings.f.month', { m }) }))}
              />
            </Form.Item>
          </Col>
          {multi(
            f.name,
            'targetKinds',
            t('settings.f.kinds'),
            keyOptions(CUSTOMER_KINDS, (k) => t(`customer.${k}`)),
          )}
          {multi(f.name, 'targetTiers', t('settings.f.targetTiers'), tiers)}
          {multi(
            f.name,
            'targetSegments',
            t('settings.f.segments'),
            keyOptions(SEGMENTS, (k) => t(`segment.${k}`)),
          )}
          {multi(
            f.name,
            'targetLifecycles',
            t('settings.f.lifecycles'),
            keyOptions(LIFECYCLES, (k) => t(`lifecycle.${k}`)),
          )}
          <Col span={24}>
            <Form.Item
              name={[f.name, 'pitch']}
              label={t('settings.f.campaignPitch')}
              extra={t('settings.f.campaignPitchHint')}
            >
              <OptionalLines />
            </Form.Item>
          </Col>
        </Row>
      )}
      columns={[
        {
          title: t('settings.f.campaignId'),
          width: 150,
          render: (f) => (
            <Form.Item name={[f.name, 'id']} {...cell}>
              <Input />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.nameZh'),
          width: 200,
          render: (f) => (
            <Form.Item name={[f.name, 'name', 'zh']} {...cell}>
              <Input />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.period'),
          width: 260,
          render: (f) => <Period form={form} row={f.name} tz={tz} />,
        },
        {
          title: t('settings.f.products'),
          render: (f) => (
            <Form.Item name={[f.name, 'productCodes']} {...cell}>
              <Select mode="multiple" options={products} optionFilterProp="label" maxTagCount="responsive" />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.boost'),
          width: 90,
          render: (f) => (
            <Form.Item name={[f.name, 'boost']} {...cell}>
              <InputNumber {...num} min={0} max={100} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
