import { Form, Input, Select, Switch } from 'antd';
import type { FormInstance, FormListFieldData } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesConfig } from '@shared/config/schema';
import { PRODUCT_TYPES, RISK_LEVELS } from '@shared/customer/enums';
import type { PendingChange } from '../api';
import { FormSection } from '../FormSection';
import type { FieldIssue } from '../issues';
import { cell, keyOptions, ListTable, noEmpty, rowsWithIssues, useLang } from './common';
import { ProductEditor } from './ProductEditor';
import type { ReactNode } from 'react';

const PATH = ['suggest', 'products'];
/** Rows a page: the catalogue runs to hundreds of products (BENCH.md P2: 200), each a row of inputs. */
const PAGE = 20;
/** `riskLevel: null` (not an investment) as a select value. */
const NONE = 'none';

interface Props {
  config: RulesConfig;
  /**
   * What the confirmation shows about the change (default: the server's preview, Impact.tsx); the same slot as the
   * tier bands', so a product preview (how many customers it would now be suggested to) plugs in here.
   */
  impact?: (change: PendingChange) => ReactNode;
}

/**
 * 产品: the catalogue the suggestions come from. Each row: code, names, type, risk level, the tiers it is for
 * (empty: every tier) and on/off; opening a row shows the rest (age range, wealth fit, minimum, say-aloud line…).
 */
export function ProductsSection({ config, impact }: Props) {
  const { t } = useTranslation();
  return (
    <FormSection
      id="products"
      title={t('settings.sections.products')}
      hint={t('settings.f.productsHint')}
      paths={['suggest.products']}
      config={config}
      impact={impact}
    >
      {(form, issues) => <ProductTable form={form} issues={issues} config={config} />}
    </FormSection>
  );
}

function ProductTable({
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
  const refused = rowsWithIssues(issues, 'suggest.products');
  const expanded = [...new Set([...open, ...refused])];
  // Found by code or either name, as the manager knows a product (the row's values as they stand in the form).
  const match = (f: FormListFieldData, q: string) => {
    const p = form.getFieldValue([...PATH, f.name]) as
      { code?: string; name?: { zh?: string; en?: string } } | undefined;
    const needle = q.toLowerCase();
    return [p?.code, p?.name?.zh, p?.name?.en].some((v) => v?.toLowerCase().includes(needle));
  };
  const tiers = config.customer.tiers.map((b) => ({ value: b.key, label: b[lang] }));
  const risks = [
    { value: NONE, label: t('settings.f.notInvestment') },
    ...RISK_LEVELS.map((r) => ({ value: r, label: `R${r}` })),
  ];
  return (
    <ListTable
      name={PATH}
      testId="products"
      reorder
      scrollX={1080}
      pageSize={PAGE}
      focusRow={refused.length > 0 ? Math.min(...refused) : undefined}
      search={{ placeholder: t('settings.f.findProduct'), match }}
      expand={(f) => <ProductEditor name={f.name} config={config} />}
      expanded={expanded}
      onExpand={setOpen}
      addLabel={t('settings.f.addProduct')}
      newItem={() => ({
        code: '',
        name: { zh: '', en: '' },
        type: undefined,
        riskLevel: null,
        investment: false,
        marketing: true,
        kinds: ['individual'],
        pitch: { zh: '', en: '' },
      })}
      columns={[
        {
          title: t('settings.f.code'),
          width: 180,
          render: (f) => (
            <Form.Item name={[f.name, 'code']} {...cell}>
              <Input data-testid={`product-code-${f.name}`} />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.nameZh'),
          width: 180,
          render: (f) => (
            <Form.Item name={[f.name, 'name', 'zh']} {...cell}>
              <Input />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.type'),
          width: 124,
          render: (f) => (
            <Form.Item name={[f.name, 'type']} {...cell}>
              <Select
                optionFilterProp="label"
                options={keyOptions(PRODUCT_TYPES, (k) => t(`productType.${k}`))}
              />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.riskLevel'),
          width: 116,
          render: (f) => (
            <Form.Item
              name={[f.name, 'riskLevel']}
              getValueProps={(v: unknown) => ({ value: v === null ? NONE : v })}
              normalize={(v: unknown) => (v === NONE ? null : v)}
              {...cell}
            >
              <Select
                optionFilterProp="label"
                options={risks}
                // An investment product is one with a risk level (适当性): the two move together.
                onChange={(v: unknown) => form.setFieldValue([...PATH, f.name, 'investment'], v !== NONE)}
              />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.tiers'),
          render: (f) => (
            <Form.Item name={[f.name, 'tiers']} normalize={noEmpty} {...cell}>
              <Select
                optionFilterProp="label"
                mode="multiple"
                allowClear
                options={tiers}
                placeholder={t('settings.f.allTiers')}
                data-testid={`product-tiers-${f.name}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t('settings.f.active'),
          width: 70,
          render: (f) => (
            <Form.Item
              name={[f.name, 'active']}
              valuePropName="checked"
              getValueProps={(v: unknown) => ({ checked: v !== false })}
              normalize={(v: unknown) => (v ? undefined : false)}
              {...cell}
            >
              <Switch size="small" data-testid={`product-active-${f.name}`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
