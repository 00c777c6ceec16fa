import { Tag } from 'antd';
import type { TierInfo } from '@shared/api/types';
import type { TierKey } from '@shared/customer/tier';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TierKey, string> = {
  potential: 'default',
  effective: 'blue',
  mid: 'cyan',
  high: 'gold',
  private: 'magenta',
};

export function TierBadge({ tier }: { tier: TierInfo }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={COLORS[tier.tier]} data-testid="tier-badge" style={{ fontSize: 14, padding: '2px 10px' }}>
      {i18n.language === 'en' ? tier.label.en : tier.label.zh}
    </Tag>
  );
}
