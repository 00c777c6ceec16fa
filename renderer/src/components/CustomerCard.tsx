import { Card, Descriptions, Space, Statistic, Tag, Typography } from 'antd';
import type { CustomerSummary } from '@shared/api/types';
import { formatFen, formatFenCeilYuan } from '@shared/money';
import { useTranslation } from 'react-i18next';
import { CustomerBadge } from './CustomerBadge';

export function NextTierLine({ tier }: { tier: CustomerSummary['tier'] }) {
  const { t, i18n } = useTranslation();
  if (!tier.next) return <Typography.Text type="secondary">{t('customer.topTier')}</Typography.Text>;
  const label = i18n.language === 'en' ? tier.next.label.en : tier.next.label.zh;
  return (
    <Typography.Text strong style={{ color: '#b8102a' }} data-testid="next-tier">
      {t('customer.nextTier', { gap: formatFenCeilYuan(tier.next.gapFen), tier: label })}
    </Typography.Text>
  );
}

export function CustomerCard({
  c,
  onOpen,
  columns = 3,
}: {
  c: CustomerSummary;
  onOpen?: () => void;
  /** Fewer in a narrow column, so a masked ID number never wraps. */
  columns?: number;
}) {
  const { t } = useTranslation();
  return (
    <Card
      hoverable={!!onOpen}
      onClick={onOpen}
      data-testid="customer-card"
      title={
        <Space>
          <span style={{ fontSize: 18 }}>{c.name}</span>
          <CustomerBadge c={c} />
          <Tag>{c.kind === 'corporate' ? t('customer.corporate') : t('customer.individual')}</Tag>
        </Space>
      }
      extra={<Typography.Text type="secondary">{c.customerNo}</Typography.Text>}
    >
      <Space size={48} align="start" wrap>
        <Statistic title={t('customer.aum')} value={formatFen(c.aumFen)} />
        {/* The AUM tiers grade people; an enterprise has its grade in the title instead. */}
        {c.kind !== 'corporate' && (
          <div style={{ paddingTop: 28 }}>
            <NextTierLine tier={c.tier} />
          </div>
        )}
      </Space>
      <Descriptions size="small" column={columns} style={{ marginTop: 16 }}>
        {c.kind === 'corporate' ? (
          <Descriptions.Item label={t('customer.creditCode')}>
            <span data-testid="credit-code">{c.creditCode ?? '—'}</span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('customer.idNo')}>
            <span data-testid="id-masked">{c.idMasked ?? '—'}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('customer.phone')}>{c.phoneMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customer.segments')}>
          {c.segments.length === 0 ? '—' : c.segments.map((s) => <Tag key={s}>{t(`segment.${s}`)}</Tag>)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
