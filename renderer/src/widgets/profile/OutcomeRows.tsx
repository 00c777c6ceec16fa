import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutcomeView } from '@shared/api/visit';
import { useVisitConfig } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';
import { formatDateTime } from '../../lib/branchTime';
import { OUTCOME_COLORS } from '../suggest/keys';

/** What was offered before and how the customer answered: no need to pitch a declined product again today. */
export function OutcomeRows({ rows }: { rows: OutcomeView[] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const config = useVisitConfig();
  const reason = (key: string | null) => {
    const r = key ? config.data?.declineReasons.find((x) => x.key === key) : undefined;
    return r ? bi(r) : key;
  };
  if (rows.length === 0) return <Typography.Text type="secondary">{t('profile.noOutcomes')}</Typography.Text>;
  return (
    <ul className="profile-rows" data-testid="customer-outcomes">
      {rows.map((o) => (
        <li key={o.id}>
          <span className="profile-rows__when">{formatDateTime(o.at)}</span>
          <span className="profile-rows__main">
            <strong>{o.productName ? bi(o.productName) : o.productCode}</strong>
            {(o.reason || o.note) && (
              <div className="profile-rows__note">
                {[reason(o.reason), o.note].filter(Boolean).join(' · ')}
              </div>
            )}
          </span>
          <Tag color={OUTCOME_COLORS[o.outcome]}>{t(`suggest.outcome.${o.outcome}`)}</Tag>
          <Typography.Text type="secondary">{o.staffName ?? ''}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
