import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestResult } from '@shared/suggest/rank';
import { useBilingual } from '../../lib/bilingual';
import { formatDate } from '../../lib/branchTime';
import './learn-text';

/** What the cool-downs and the learned acceptance rate do, and the formula, one click from the list. */
export function LearnHelp() {
  const { t } = useTranslation();
  const lines = t('suggestLearn.help', { returnObjects: true }) as string[];
  return (
    <Popover
      title={t('suggestLearn.helpTitle')}
      trigger="click"
      content={
        <ul className="suggest-help" data-testid="suggest-learn-help">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      }
    >
      <Button
        size="small"
        type="text"
        aria-label={t('suggestLearn.helpTitle')}
        data-testid="suggest-learn-help-open"
      >
        {t('suggestLearn.helpButton')}
      </Button>
    </Popover>
  );
}

/**
 * Products the customer's last answer keeps off the list for now, with what they said ("上次拒绝：暂不需要（今天）")
 * and when the product may come back: so the teller knows why it is missing and does not pitch it from memory.
 */
export function CoolingList({ items }: { items: SuggestResult['coolingDown'] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  if (items.length === 0) return null;
  return (
    <div className="suggest-cooling" data-testid="suggest-cooling">
      <Typography.Text strong>{t('suggestLearn.coolingTitle')}</Typography.Text>
      <ul>
        {items.map((c) => (
          <li key={c.productCode} data-testid={`cooling-${c.productCode}`}>
            <span className="suggest-cooling__name">{bi(c.name)}</span>
            <span data-testid="cooling-why">{bi(c.why)}</span>
            <Typography.Text type="secondary">
              {c.until === null
                ? t('suggestLearn.afterAssessment')
                : t('suggestLearn.backOn', { date: formatDate(c.until) })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
