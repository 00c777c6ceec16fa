import { Segmented, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterState } from '@shared/api/queue';
import type { BreakReason } from '@shared/metrics/config';
import { BreakReasonModal } from './BreakReasonModal';

const STAFF_STATES = ['serving', 'break', 'back_office'] as const;
type StaffState = (typeof STAFF_STATES)[number];

interface Props {
  counters: CounterState[];
  counter: CounterState | undefined;
  /** Staff without a counter of their own (manager, admin) choose one. */
  canPick: boolean;
  onPick: (id: string) => void;
  onPatch: (patch: { open?: boolean; staffState?: StaffState; breakReason?: BreakReason }) => void;
}

export function CounterHeader({ counters, counter, canPick, onPick, onPatch }: Props) {
  const { t } = useTranslation();
  const [askingBreak, setAskingBreak] = useState(false);
  return (
    <div className="counter-header">
      <BreakReasonModal
        open={askingBreak}
        onCancel={() => setAskingBreak(false)}
        onPick={(breakReason) => {
          setAskingBreak(false);
          onPatch({ staffState: 'break', breakReason });
        }}
      />
      {canPick ? (
        <Select
          size="large"
          style={{ minWidth: 240 }}
          placeholder={t('counter.pick')}
          value={counter?.id}
          onChange={onPick}
          data-testid="counter-picker"
          options={counters.map((c) => ({ value: c.id, label: c.name }))}
        />
      ) : (
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="counter-name">
          {counter?.name ?? '—'}
        </Typography.Title>
      )}
      {counter && (
        <>
          <Tag color={counter.open ? 'green' : 'default'} style={{ fontSize: 16, padding: '4px 12px' }}>
            {counter.open ? t('counter.open') : t('counter.closed')}
          </Tag>
          <span className="counter-header__spacer" />
          <label className="counter-header__switch">
            {t('counter.openSwitch')}
            <Switch
              checked={counter.open}
              onChange={(open) => onPatch({ open })}
              data-testid="counter-open"
            />
          </label>
          <Segmented
            size="large"
            value={counter.staffState}
            onChange={(v) => {
              const state = STAFF_STATES.find((x) => x === v);
              // A break asks for its reason first.
              if (state === 'break') setAskingBreak(true);
              else if (state) onPatch({ staffState: state });
            }}
            data-testid="staff-state"
            options={STAFF_STATES.map((s) => ({ value: s, label: t(`counter.staff.${s}`) }))}
          />
        </>
      )}
    </div>
  );
}
