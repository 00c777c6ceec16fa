import { Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SuggestItem } from '@shared/suggest/rank';
import { OUTCOMES, type Outcome } from '@shared/visit/config';
import { useVisitConfig } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';
import { OUTCOME_COLORS, OUTCOME_KEYS, type Recorded } from './keys';
import './learn-text';

interface Props {
  item: SuggestItem;
  index: number;
  active: boolean;
  recorded: Recorded | undefined;
  busy: boolean;
  onPick: () => void;
  onOutcome: (o: Outcome) => void;
  /** Undo the recorded outcome (during a visit only). */
  onUndo: (() => void) | null;
}

/** One suggestion: what, why (one or two sayable reasons), the sentence to say aloud, and one key per outcome. */
export function SuggestionCard({ item, index, active, recorded, busy, onPick, onOutcome, onUndo }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const reasons = useVisitConfig().data?.declineReasons ?? [];
  const reason = recorded?.reason ? reasons.find((r) => r.key === recorded.reason) : undefined;
  const cls = ['suggestion', active && 'suggestion--active', recorded && 'suggestion--done']
    .filter(Boolean)
    .join(' ');
  return (
    <li className={cls} data-testid={`suggestion-${item.productCode}`} onClick={onPick}>
      <div className="suggestion__head">
        <kbd className="key">{index + 1}</kbd>
        <strong className="suggestion__name" data-testid="suggestion-name">
          {bi(item.name)}
        </strong>
        {item.riskLevel !== null && <Tag>R{item.riskLevel}</Tag>}
        {!item.marketing && <Tag color="cyan">{t('suggest.serviceOnly')}</Tag>}
      </div>
      {/* One or two reasons a teller can say; the score and rule ids stay in the API for reports and tests. */}
      <ul className="suggestion__reasons" data-testid="suggestion-reasons" aria-label={t('suggestLearn.why')}>
        {item.reasons.map((r) => (
          <li key={r.zh} data-testid="suggestion-reason-line">
            {bi(r)}
          </li>
        ))}
      </ul>
      <Typography.Paragraph className="suggestion__say" data-testid="say-aloud">
        <span className="suggestion__say-label">{t('suggest.sayAloud')}</span>
        {bi(item.say)}
      </Typography.Paragraph>
      {recorded ? (
        <div className="suggestion__actions">
          <Tag
            color={OUTCOME_COLORS[recorded.outcome]}
            data-testid="suggestion-recorded"
            style={{ fontSize: 14 }}
          >
            {t('suggest.recorded', { outcome: t(`suggest.outcome.${recorded.outcome}`) })}
            {recorded.reason && (
              <span data-testid="suggestion-reason">
                {' · '}
                {reason ? bi(reason) : recorded.reason}
              </span>
            )}
          </Tag>
          {onUndo && recorded.outcome !== 'interested' && (
            <Button
              size="small"
              disabled={busy}
              data-testid="outcome-undo"
              onClick={(e) => {
                e.stopPropagation();
                onUndo();
              }}
            >
              {t('suggestUndo.undo')}
              {active && <kbd className="key">Z</kbd>}
            </Button>
          )}
        </div>
      ) : (
        <div className="suggestion__actions">
          {OUTCOMES.map((o) => (
            <Button
              key={o}
              size="small"
              type={active && o === 'accepted' ? 'primary' : 'default'}
              disabled={busy}
              data-testid={`outcome-${o}`}
              onClick={(e) => {
                e.stopPropagation();
                onOutcome(o);
              }}
            >
              {t(`suggest.outcome.${o}`)}
              {active && <kbd className={o === 'accepted' ? 'key key--light' : 'key'}>{OUTCOME_KEYS[o]}</kbd>}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
