import { Checkbox, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TriageFlags } from '@shared/triage/types';

const FLAGS = ['elderly', 'disability', 'pregnant', 'withChild', 'needsHelp', 'highRisk'] as const;

interface Props {
  flags: TriageFlags;
  /** The server derived "elderly" from the customer's birth date. */
  elderlyDerived: boolean;
  disabled: boolean;
  onChange: (flags: TriageFlags) => void;
}

export function FlagPanel({ flags, elderlyDerived, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Title level={4}>{t('lobby.flags')}</Typography.Title>
      <div className="lobby-flags" data-testid="flag-panel">
        {FLAGS.map((f) => {
          const derived = f === 'elderly' && elderlyDerived;
          return (
            <Checkbox
              key={f}
              checked={derived || !!flags[f]}
              disabled={disabled}
              data-testid={`flag-${f}`}
              // A derived fact stays ticked: the server decides it from the birth date, not this box.
              onChange={(e) => {
                if (!derived) onChange({ ...flags, [f]: e.target.checked });
              }}
            >
              {t(`lobby.flag.${f}`)}
              {derived && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  {t('lobby.elderlyDerived')}
                </Tag>
              )}
            </Checkbox>
          );
        })}
      </div>
    </div>
  );
}
