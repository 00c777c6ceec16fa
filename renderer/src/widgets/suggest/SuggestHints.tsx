import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestHint } from '@shared/suggest/rank';
import { useBilingual } from '../../lib/bilingual';

/**
 * What limits today's suggestions, before the list: "需先做风险测评" (suitability keeps investment products out)
 * and "仅服务信息" (no marketing consent). The next-tier gap is already on the profile header.
 */
export function SuggestHints({ hints }: { hints: SuggestHint[] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const shown = hints.filter((h) => h.code !== 'next_tier_gap');
  if (shown.length === 0) return null;
  return (
    <div className="suggest-hints">
      {shown.map((h) => (
        <Alert
          key={h.code}
          type={h.code === 'risk_assessment_needed' ? 'warning' : 'info'}
          showIcon
          data-testid={`hint-${h.code}`}
          title={
            <>
              {h.code === 'no_marketing_consent' && <Tag color="cyan">{t('suggest.serviceOnly')}</Tag>}
              {bi(h)}
            </>
          }
        />
      ))}
    </div>
  );
}
