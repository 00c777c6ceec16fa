import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@shared/api/types';
import { TierBadge } from './TierBadge';

const GRADE_COLORS = { strategic: 'red', key: 'orange', general: 'default' } as const;

/**
 * The customer's standing in one badge: a person's AUM tier (私行客户 …), an enterprise's grade (战略客户 …). A
 * company's AUM says nothing about private banking, so it never gets a tier badge.
 */
export function CustomerBadge({ c }: { c: Pick<CustomerSummary, 'kind' | 'tier' | 'corporateGrade'> }) {
  const { t } = useTranslation();
  if (c.kind !== 'corporate') return <TierBadge tier={c.tier} />;
  if (!c.corporateGrade) return null;
  return (
    <Tag
      color={GRADE_COLORS[c.corporateGrade]}
      data-testid="corporate-grade"
      style={{ fontSize: 14, padding: '2px 10px' }}
    >
      {t(`grade.${c.corporateGrade}`)}
    </Tag>
  );
}
