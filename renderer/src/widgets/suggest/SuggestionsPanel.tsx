import { Alert, App, Card, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestItem } from '@shared/suggest/rank';
import type { Outcome } from '@shared/visit/config';
import { messageOf } from '../../api/client';
import {
  useActivity,
  useRecordOutcome,
  useSuggestions,
  useUndoOutcome,
  type OutcomeInput,
} from '../../api/visit';
import { useHotkeys, type HotkeyMap } from '../../hooks/useHotkeys';
import { useBilingual } from '../../lib/bilingual';
import { useDialogOpen } from '../profile/dialogScope';
import { CoolingList, LearnHelp } from './CoolingList';
import { DeclineDialog } from './DeclineDialog';
import { InterestedDialog, type FollowUpChoice } from './InterestedDialog';
import { firstOpen, nextActive, OUTCOME_KEYS, PICK_KEYS, type Recorded } from './keys';
import { SuggestHints } from './SuggestHints';
import { SuggestionCard } from './SuggestionCard';
import './suggest.css';
import './undo-text';

interface Props {
  customerId: string;
  /** The visit the outcomes belong to; null when browsing a profile outside a visit. */
  ticketId: string | null;
  intents: readonly string[];
  /** Off while another dialog of the screen has the keyboard. */
  keysEnabled: boolean;
}

type Asking = { kind: 'interested' | 'declined'; item: SuggestItem } | null;

/** 营销推荐: the top suggestions with their say-aloud line; 1–5 pick one, A/S/D/F record its outcome. */
export function SuggestionsPanel({ customerId, ticketId, intents, keysEnabled }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const bi = useBilingual();
  const suggestions = useSuggestions(customerId, intents, ticketId);
  const activity = useActivity(customerId);
  const record = useRecordOutcome();
  // Outcomes recorded outside a visit live only here; during a visit the server's list is the truth.
  const [local, setLocal] = useState<Record<string, Recorded>>({});
  const undo = useUndoOutcome();
  // Z takes back the last key pressed: after it, the next suggestion is already the active one.
  const [last, setLast] = useState<string | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [asking, setAsking] = useState<Asking>(null);

  const items = useMemo(() => suggestions.data?.items ?? [], [suggestions.data]);
  const codes = items.map((i) => i.productCode);
  const recorded = useMemo(() => {
    const m = new Map<string, Recorded>(Object.entries(local));
    for (const o of activity.data?.outcomes ?? []) {
      if (ticketId && o.ticketId === ticketId && !m.has(o.productCode))
        m.set(o.productCode, { id: o.id, outcome: o.outcome, reason: o.reason });
    }
    return m;
  }, [local, activity.data, ticketId]);
  const done = new Set(recorded.keys());
  const active = picked ?? firstOpen(codes, done);

  useDialogOpen(asking !== null);

  const save = (item: SuggestItem, outcome: Outcome, extra: Partial<OutcomeInput> = {}) => {
    record.mutate(
      {
        customerId,
        ticketId,
        productCode: item.productCode,
        outcome,
        // What drove the suggestion, for the reports' conversion by campaign (and learning from outcomes).
        campaignId: item.campaignIds[0] ?? null,
        ruleId: item.rules[0] ?? null,
        ...extra,
      },
      {
        onSuccess: (r) => {
          setLocal((l) => ({
            ...l,
            [item.productCode]: { id: r.id, outcome, reason: extra.reason ?? null },
          }));
          setLast(item.productCode);
          setAsking(null);
          const index = codes.indexOf(item.productCode);
          setPicked(nextActive(codes, new Set([...done, item.productCode]), index));
          void message.success(
            t('suggest.recordedToast', { product: bi(item.name), outcome: t(`suggest.outcome.${outcome}`) }),
          );
        },
        onError: (e) => void message.error(messageOf(e, i18n.language)),
      },
    );
  };
  const choose = (item: SuggestItem, outcome: Outcome) => {
    if (record.isPending || recorded.has(item.productCode)) return;
    if (outcome === 'interested' || outcome === 'declined') {
      setAsking({ kind: outcome, item });
    } else save(item, outcome);
  };

  // A mistaken key is taken back during the visit; the card is open again for the right one.
  const takeBack = (item: SuggestItem) => {
    const r = recorded.get(item.productCode);
    if (!r || !ticketId || undo.isPending) return;
    undo.mutate(
      { id: r.id, customerId },
      {
        onSuccess: () => {
          setLocal((l) =>
            Object.fromEntries(Object.entries(l).filter(([code]) => code !== item.productCode)),
          );
          setPicked(codes.indexOf(item.productCode));
          void message.success(t('suggestUndo.done', { product: bi(item.name) }));
        },
        onError: (e) => void message.error(messageOf(e, i18n.language)),
      },
    );
  };

  const keys: HotkeyMap = {};
  PICK_KEYS.slice(0, items.length).forEach((k, i) => (keys[k] = () => setPicked(i)));
  for (const [outcome, key] of Object.entries(OUTCOME_KEYS) as [Outcome, string][]) {
    const run = () => {
      const item = items[active];
      if (item) choose(item, outcome);
    };
    keys[key.toLowerCase()] = run;
    keys[key] = run;
  }
  if (ticketId) {
    const z = () => {
      const act = items[active];
      const item = act && recorded.has(act.productCode) ? act : items.find((i) => i.productCode === last);
      if (item) takeBack(item);
    };
    keys.z = z;
    keys.Z = z;
  }
  useHotkeys(keys, keysEnabled && asking === null && items.length > 0);

  const followUp = (item: SuggestItem, c: FollowUpChoice) =>
    save(item, 'interested', {
      followUp: { dueAt: c.dueAt, assigneeId: c.assigneeId },
      ...(c.note ? { note: c.note } : {}),
    });

  return (
    <Card
      size="small"
      className="suggest"
      data-testid="suggestions"
      title={t('suggest.title')}
      extra={<LearnHelp />}
    >
      {suggestions.error ? (
        <Alert type="warning" showIcon title={messageOf(suggestions.error, i18n.language)} />
      ) : !suggestions.data ? (
        <Spin />
      ) : (
        <>
          <SuggestHints hints={suggestions.data.hints} />
          {items.length === 0 ? (
            <Typography.Text type="secondary">{t('suggest.none')}</Typography.Text>
          ) : (
            <ol className="suggest__list">
              {items.map((item, i) => (
                <SuggestionCard
                  key={item.productCode}
                  item={item}
                  index={i}
                  active={i === active}
                  recorded={recorded.get(item.productCode)}
                  busy={record.isPending || undo.isPending}
                  onUndo={ticketId ? () => takeBack(item) : null}
                  onPick={() => setPicked(i)}
                  onOutcome={(o) => choose(item, o)}
                />
              ))}
            </ol>
          )}
          <CoolingList items={suggestions.data.coolingDown} />
          {items.length > 0 && (
            <Typography.Paragraph type="secondary" className="suggest__keys">
              {t('suggest.keysHint')}
            </Typography.Paragraph>
          )}
        </>
      )}
      {asking?.kind === 'interested' && (
        <InterestedDialog
          product={bi(asking.item.name)}
          busy={record.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={(c) => followUp(asking.item, c)}
        />
      )}
      {asking?.kind === 'declined' && (
        <DeclineDialog
          product={bi(asking.item.name)}
          busy={record.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={(c) =>
            save(asking.item, 'declined', { reason: c.reason, ...(c.note ? { note: c.note } : {}) })
          }
        />
      )}
    </Card>
  );
}
