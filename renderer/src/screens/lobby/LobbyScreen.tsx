import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@shared/api/types';
import type { TriageFlags } from '@shared/triage/types';
import { messageOf } from '../../api/client';
import { issueTicket, triage, useIntents, type IssueResult, type VisitRequest } from '../../api/queue';
import { useHotkeys } from '../../hooks/useHotkeys';
import { FeedbackAlerts } from '../../widgets/feedback/FeedbackAlerts';
import { DecisionPanel } from './DecisionPanel';
import { FlagPanel } from './FlagPanel';
import { IdentifyPanel } from './IdentifyPanel';
import { IntentPicker } from './IntentPicker';
import { OverrideModal } from './OverrideModal';
import { openTicketPrint, TicketIssued } from './TicketIssued';
import { useKeyBurst } from './useKeyBurst';
import { visitorCustomerId, type Visitor } from './visitor';
import './lobby.css';

/** 大堂分流: identify → intents and flags → the suggestion with its reasons → one key issues the ticket. */
export default function LobbyScreen() {
  const { t, i18n } = useTranslation();
  const info = useIntents();
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const [intents, setIntents] = useState<string[]>([]);
  const [flags, setFlags] = useState<TriageFlags>({});
  const [overriding, setOverriding] = useState(false);
  const [issued, setIssued] = useState<IssueResult | null>(null);
  // A new key remounts the lookup field after each visitor: empty, or with the card that was just swiped.
  const [round, setRound] = useState(0);
  const [scanned, setScanned] = useState<string | null>(null);
  const lookupInput = useRef<InputRef>(null);
  const workArea = useRef<HTMLDivElement>(null);

  const request: VisitRequest = { customerId: visitorCustomerId(visitor), intents, flags };
  const ready = visitor !== null && intents.length > 0;
  const decision = useQuery({
    queryKey: ['triage', request],
    queryFn: () => triage(request),
    enabled: ready && !issued,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
  const issue = useMutation({
    mutationFn: issueTicket,
    onSuccess: (r) => {
      setOverriding(false);
      setIssued(r);
    },
  });

  const startOver = useCallback(
    (scan: string | null) => {
      setScanned(scan);
      setVisitor(null);
      setIntents([]);
      setFlags({});
      setOverriding(false);
      setIssued(null);
      setRound((n) => n + 1);
      issue.reset();
    },
    [issue],
  );
  const reset = useCallback(() => startOver(null), [startOver]);

  // Focus follows the step: the lookup field waits for the next swipe; once the visitor is known, the number
  // keys belong to the intent picker.
  useEffect(() => {
    if (issued) return;
    if (visitor) workArea.current?.focus();
    else lookupInput.current?.focus();
  }, [visitor, issued, round]);

  const toggle = (key: string) =>
    setIntents((cur) => (cur.includes(key) ? cur.filter((k) => k !== key) : [...cur, key]));
  const pick = (c: CustomerSummary) => setVisitor({ kind: 'customer', customer: c });
  const walkIn = () => setVisitor({ kind: 'anonymous' });
  const doIssue = () => {
    if (ready && !issued && !issue.isPending) issue.mutate(request);
  };
  const openOverride = () => {
    if (!ready || issued || !decision.data || issue.isPending) return;
    issue.reset();
    setOverriding(true);
  };

  useHotkeys(
    {
      Escape: reset,
      F2: doIssue,
      F3: () => {
        if (!visitor) walkIn();
      },
      F4: openOverride,
    },
    !overriding,
  );
  // Number keys toggle the first nine services and Enter issues (on the confirmation: Enter next, P print).
  // A card swiped at any step starts over with the next visitor.
  useKeyBurst(
    !overriding,
    (key) => {
      if (issued) {
        if (key === 'Enter') reset();
        else if (key.toLowerCase() === 'p') openTicketPrint(issued.ticket.id);
        return;
      }
      const intent = /^[1-9]$/.test(key) ? info.data?.intents[Number(key) - 1] : undefined;
      if (key === 'Enter') doIssue();
      else if (intent && visitor) toggle(intent.key);
    },
    startOver,
  );

  if (info.error) return <Alert type="error" showIcon title={messageOf(info.error, i18n.language)} />;
  if (!info.data) return <Spin style={{ margin: 64 }} />;

  if (issued)
    return (
      <>
        <FeedbackAlerts />
        <TicketIssued result={issued} info={info.data} onDone={reset} />
      </>
    );

  const error = issue.error ?? decision.error;
  return (
    <div className="lobby" data-testid="lobby" ref={workArea} tabIndex={-1}>
      <FeedbackAlerts />
      <div className="lobby__column">
        <IdentifyPanel
          key={round}
          initialQuery={scanned}
          visitor={visitor}
          inputRef={lookupInput}
          onPick={pick}
          onWalkIn={walkIn}
          onReset={reset}
        />
        <FlagPanel
          flags={flags}
          elderlyDerived={!!decision.data?.facts.elderly && !flags.elderly}
          disabled={!visitor}
          onChange={setFlags}
        />
      </div>
      <div className="lobby__column">
        <IntentPicker intents={info.data.intents} selected={intents} disabled={!visitor} onToggle={toggle} />
        {error && (
          <Alert type="error" showIcon title={messageOf(error, i18n.language)} data-testid="lobby-error" />
        )}
        <DecisionPanel
          decision={ready ? decision.data : undefined}
          info={info.data}
          loading={decision.isFetching}
          ready={ready}
          issuing={issue.isPending}
          onIssue={doIssue}
          onOverride={openOverride}
        />
      </div>
      <Typography.Text className="lobby__keys">{t('lobby.keys')}</Typography.Text>
      {overriding && decision.data && (
        <OverrideModal
          decision={decision.data}
          info={info.data}
          issuing={issue.isPending}
          error={issue.error ? messageOf(issue.error, i18n.language) : null}
          onCancel={() => setOverriding(false)}
          onConfirm={(override) => issue.mutate({ ...request, override })}
        />
      )}
    </div>
  );
}
