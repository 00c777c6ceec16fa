import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntentConfig } from '@shared/triage/config';
import { useBilingual } from '../../lib/bilingual';
import { INTENT_KEYS } from './intent-keys';

interface Props {
  intents: IntentConfig[];
  selected: string[];
  disabled: boolean;
  onToggle: (key: string) => void;
}

/** Toggle buttons; each answers to its key on the number row (1–9, 0, -, =). */
export function IntentPicker({ intents, selected, disabled, onToggle }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('lobby.intents')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
          {t('lobby.intentsHint')}
        </Typography.Text>
      </Typography.Title>
      <div className="lobby-intents" data-testid="intent-picker">
        {intents.map((intent, i) => {
          const on = selected.includes(intent.key);
          return (
            <Button
              key={intent.key}
              size="large"
              type={on ? 'primary' : 'default'}
              aria-pressed={on}
              disabled={disabled}
              data-testid={`intent-${intent.key}`}
              // Keep the focus where it is: Enter must issue the ticket, not re-toggle the last button clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onToggle(intent.key)}
            >
              {INTENT_KEYS[i] !== undefined ? (
                <kbd className="key">{INTENT_KEYS[i]}</kbd>
              ) : (
                // Same width as a key, so every label starts in the same column.
                <kbd className="key" aria-hidden style={{ visibility: 'hidden' }}>
                  0
                </kbd>
              )}
              {bi(intent)}
            </Button>
          );
        })}
      </div>
    </div>
  );
}
