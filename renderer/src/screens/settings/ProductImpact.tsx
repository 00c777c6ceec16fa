import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  PreviewEstimate,
  ProductPreview,
  ProductPreviewExample,
  ProductPreviewRow,
} from '@shared/api/product-preview';
import type { TierBand } from '@shared/customer/tier';
import { formatFen } from '@shared/money';
import type { Lang } from '@shared/triage/rule-text';
import './text-product-impact';

const n = (x: number) => x.toLocaleString('en-US');
const est = (e: PreviewEstimate) => (e.margin > 0 ? `${n(e.value)} ± ${n(e.margin)}` : n(e.value));

function delta(before: PreviewEstimate, after: PreviewEstimate) {
  const d = after.value - before.value;
  const color = d > 0 ? 'green' : d < 0 ? 'red' : undefined;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {est(before)} → {est(after)} {d !== 0 && <Tag color={color}>{`${d > 0 ? '+' : ''}${n(d)}`}</Tag>}
    </span>
  );
}

/** The product/campaign part of the impact panel: counts before → after per product, how they were computed. */
export function ProductImpact({
  p,
  tiers,
  topN,
  lang,
}: {
  p: ProductPreview;
  tiers: readonly TierBand[];
  topN: number;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const tierName = (k: string) => tiers.find((b) => b.key === k)?.[lang] ?? k;
  const nameOf = (code: string) => p.products.find((x) => x.code === code)?.name[lang] ?? code;
  return (
    <div data-testid="impact-products" style={{ marginTop: 8 }}>
      <Typography.Title level={5}>{t('productImpact.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="impact-products-method">
        {t(`productImpact.method.${p.method}`, {
          examined: n(p.examined),
          candidates: n(p.candidates),
          customers: n(p.customers),
        })}{' '}
        {t('productImpact.took', { ms: n(p.ms) })}
        <br />
        {t('productImpact.basis', { topN })}
      </Typography.Paragraph>
      <Table<ProductPreviewRow>
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={p.products}
        scroll={{ x: 'max-content' }}
        data-testid="impact-products-table"
        columns={[
          { title: t('productImpact.product'), render: (_, r) => r.name[lang] },
          {
            title: t('productImpact.change'),
            width: 90,
            render: (_, r) => <Tag>{t(`productImpact.changes.${r.change}`)}</Tag>,
          },
          {
            title: t('productImpact.eligible'),
            render: (_, r) => delta(r.before.eligible, r.after.eligible),
          },
          {
            title: t('productImpact.suggested'),
            render: (_, r) => delta(r.before.suggested, r.after.suggested),
          },
          {
            title: t('productImpact.byTier'),
            render: (_, r) =>
              r.byTier.map((c) => (
                <div key={c.tier} style={{ whiteSpace: 'nowrap' }}>
                  {tierName(c.tier)}: {n(c.before)} → {n(c.after)}
                </div>
              )),
          },
        ]}
      />
      {p.examples.length > 0 && (
        <>
          <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>
            {t('productImpact.examples')}
          </Typography.Text>
          <Table<ProductPreviewExample>
            size="small"
            pagination={false}
            rowKey={(e, i) => `${e.code}-${e.customerNo}-${i ?? 0}`}
            dataSource={p.examples}
            data-testid="impact-products-examples"
            columns={[
              { title: t('productImpact.product'), render: (_, e) => nameOf(e.code) },
              { title: t('productImpact.customer'), render: (_, e) => `${e.name} ${e.customerNo}` },
              { title: t('productImpact.tier'), render: (_, e) => tierName(e.tier) },
              {
                title: 'AUM',
                align: 'right',
                render: (_, e) => formatFen(e.aumFen, { decimals: false }),
              },
              {
                title: t('productImpact.wasNow'),
                render: (_, e) =>
                  `${t(`productImpact.${e.before ? 'yes' : 'no'}`)} → ${t(`productImpact.${e.after ? 'yes' : 'no'}`)}`,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
