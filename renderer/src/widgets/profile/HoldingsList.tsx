import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HoldingView } from '@shared/api/types';
import { AUM_PRODUCT_TYPES } from '@shared/customer/enums';
import { formatFen } from '@shared/money';
import { groupHoldings } from './holdings';

/** 持有产品 by type; services (mobile banking, POS) have no balance worth showing. */
export function HoldingsList({ holdings }: { holdings: readonly HoldingView[] }) {
  const { t } = useTranslation();
  const groups = groupHoldings(holdings);
  return (
    <Card size="small" title={t('profile.holdings')} data-testid="holdings">
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t('profile.noHoldings')}</Typography.Text>
      ) : (
        <ul className="profile-rows">
          {groups.map((g) => (
            <li key={g.type} data-testid={`holding-${g.type}`}>
              <span>
                {t(`productType.${g.type}`)}
                {g.count > 1 && <Typography.Text type="secondary"> ×{g.count}</Typography.Text>}
              </span>
              <span className="profile-rows__amount">
                {g.balanceFen > 0 || AUM_PRODUCT_TYPES.includes(g.type) ? formatFen(g.balanceFen) : '✓'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
