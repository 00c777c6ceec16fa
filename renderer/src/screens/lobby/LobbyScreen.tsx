import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '@shared/api/types';
import type { TriageFlags } from '@shared/triage/types';
import { messageOf } from '../../api/client';
import { issueTicket, triage, useIntents, type IssueResult, type VisitRequest } from '../../api/queue';
import { changeServices, reprintTicket, useCustomerTickets } from '../../api/floor';
import { useHotkeys } from '../../hooks/useHotkeys';
import { FeedbackAlerts } from '../../widgets/feedback/FeedbackAlerts';
import { useLiveQueue } from '../../live/useLiveQueue';
import { openTicketPrint } from '../../lib/ticket-print';
import { DecisionPanel } from './DecisionPanel';
import { ExistingTicket, type HeldMode } from './ExistingTicket';
import { FlagPanel } from './FlagPanel';
import { IdentifyPanel } from './IdentifyPanel';
import { intentIndexForKey } from './intent-keys';
import { IntentPicker } from './IntentPicker';
import { OverrideModal } from './OverrideModal';
import { TicketIssued } from './TicketIssued';
import { sortTyped, type TypedCommand, type TypedKey } from './key-burst';
import { useKeyBurst } from './useKeyBurst';
import { CheckInPanel } from '../../widgets/appointments/CheckInPanel';
import { visitorCustomerId, type Visitor } from './visitor';
import './lobby.css';
import './text';
import { ThresholdAlerts } from '../../widgets/alerts/ThresholdAlerts';

/** Keys typed ahead of a lookup older than this when the visitor is found are dropped, not run. */
const TYPED_AHEAD_MAX_MS = 4000;

/** 大堂分流: identify → intents and flags → the suggestion with its reasons → one key issues the ticket. */
export default function LobbyScreen() {
  const { t, i18n } = useTranslation();
  const info = useIntents();
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const [intents, setIntents] = useState<string[]>([]);
  const [flags, setFlags] = useState<TriageFlags>({});
  const [overriding, setOverriding] = useState(false);
  const [issued, setIssued] = useState<IssueResult | null>(null);
  // Enter pressed before the ticket could be issued: the panels say what is missing.
  const [nudged, setNudged] = useState(false);
  // A customer who already holds a live ticket: what the lobby manager chose to do with it.
  const [heldMode, setHeldMode] = useState<HeldMode>({ kind: 'ask' });
  // A new key remounts the lookup field after each visitor: empty, or with the card that was just swiped.
  const [round, setRound] = useState(0);
  const [scanned, setScanned] = useState<string | null>(null);
  // Keys pressed while the visitor was being looked up, run one per render once the visitor is shown (a service key
  // then Enter: Enter must see the service chosen).
  const [typedAhead, setTypedAhead] = useState<TypedCommand[]>([]);
  const lookupInput = useRef<InputRef>(null);
  const workArea = useRef<HTMLDivElement>(null);

  const request: VisitRequest = { customerId: visitorCustomerId(visitor), intents, flags };
  const ready = visitor !== null && intents.length > 0;
  const live = useLiveQueue('queues');
  const held = useCustomerTickets(issued ? null : request.customerId);
  const heldTicket = held.data?.tickets[0] ?? null;
  const decision = useQuery({
    queryKey: ['triage', request],
    queryFn: () => triage(request),
    enabled: ready && !issued,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
  const issue = useMutation({
    mutationFn: (body: Parameters<typeof issueTicket>[0]) =>
      heldTicket && heldMode.kind === 'change'
        ? changeServices(heldTicket.id, body.intents, body.flags ?? {})
        : issueTicket(
            heldMode.kind === 'second' && heldMode.reason ? { ...body, secondReason: heldMode.reason } : body,
          ),
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
      setNudged(false);
      setHeldMode({ kind: 'ask' });
      setTypedAhead([]);
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

  const toggle = (key: string) => {
    setNudged(false);
    setIntents((cur) => (cur.includes(key) ? cur.filter((k) => k !== key) : [...cur, key]));
  };
  const pick = (c: CustomerSummary, typed: readonly TypedKey[] = []) => {
    setNudged(false);
    setVisitor({ kind: 'customer', customer: c });
    // Held too long (a lookup that hung), they are forgotten: a ticket issued seconds after the keys would surprise.
    const fresh = typed.length > 0 && performance.now() - (typed[0] as TypedKey).at < TYPED_AHEAD_MAX_MS;
    setTypedAhead(fresh ? sortTyped(typed) : []);
  };
  const walkIn = () => {
    setNudged(false);
    setVisitor({ kind: 'anonymous' });
  };
  // With a live ticket held, Enter waits until the lobby manager chose: change it, or a second one with a reason.
  const heldUndecided =
    heldTicket !== null &&
    (heldMode.kind === 'ask' || (heldMode.kind === 'second' && heldMode.reason === null));
  const doIssue = () => {
    if (issued || issue.isPending) return;
    if (!ready || heldUndecided) setNudged(true);
    else issue.mutate(request);
  };
  const reprint = () => {
    if (!heldTicket) return;
    void reprintTicket(heldTicket.id);
    openTicketPrint(heldTicket.id);
  };
  const heldKey = (key: string): boolean => {
    if (!heldTicket) return false;
    const k = key.toLowerCase();
    if (k === 'p') reprint();
    else if (k === 'c') setHeldMode({ kind: 'change' });
    else if (k === 'n') setHeldMode({ kind: 'second', reason: null });
    else return false;
    setNudged(false);
    return true;
  };
  const changing = heldTicket !== null && heldMode.kind === 'change';
  const openOverride = () => {
    if (!ready || issued || !decision.data || issue.isPending || changing) return;
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
  const lobbyKey = (key: string) => {
    if (issued) {
      if (key === 'Enter') reset();
      else if (key.toLowerCase() === 'p') openTicketPrint(issued.ticket.id);
      return;
    }
    if (heldKey(key)) return;
    const index = intentIndexForKey(key);
    const intent = index >= 0 ? info.data?.intents[index] : undefined;
    if (key === 'Enter') doIssue();
    else if (intent && visitor) toggle(intent.key);
  };
  useKeyBurst(!overriding, lobbyKey, startOver);
  // The keys typed ahead, once the visitor is on screen and whether they hold a ticket is known (Enter must not
  // issue a second ticket past the question), one at a time.
  const runTypedAhead = useEffectEvent((next: TypedCommand) => {
    setTypedAhead((q) => q.slice(1));
    if ('scan' in next) startOver(next.scan);
    else lobbyKey(next.key);
  });
  const nextTyped = visitor && !held.isLoading ? typedAhead[0] : undefined;
  useEffect(() => {
    if (!nextTyped) return;
    // From a task, as a key event would come: the screen has rendered the previous key's effect first.
    const h = setTimeout(() => runTypedAhead(nextTyped), 0);
    return () => clearTimeout(h);
  }, [nextTyped]);

  if (info.error) return <Alert type="error" showIcon title={messageOf(info.error, i18n.language)} />;
  if (!info.data) return <Spin style={{ margin: 64 }} />;

  if (issued) {
    // A change of service keeps the number: say so rather than "ticket issued".
    const changed = issued.ticket.id === heldTicket?.id || heldMode.kind === 'change';
    return (
      <>
        <FeedbackAlerts />
        <TicketIssued
          result={issued}
          info={info.data}
          title={changed ? t('lobbyMore.existing.changed') : undefined}
          onDone={reset}
        />
      </>
    );
  }

  const error = issue.error ?? decision.error;
  return (
    <div className="lobby" data-testid="lobby" ref={workArea} tabIndex={-1}>
      <FeedbackAlerts />
      <ThresholdAlerts />
      <div className="lobby__column">
        <IdentifyPanel
          key={round}
          initialQuery={scanned}
          visitor={visitor}
          inputRef={lookupInput}
          onPick={pick}
          onWalkIn={walkIn}
          onReset={reset}
          intent={intents[0] ?? null}
        />
        <CheckInPanel
          customerId={visitor?.kind === 'customer' ? visitor.customer.id : null}
          onIssued={(r) => setIssued(r)}
        />
        <FlagPanel
          flags={flags}
          // Only this visitor's own decision: a kept previous one is another customer's birth date.
          elderlyDerived={
            ready && !decision.isPlaceholderData && !!decision.data?.facts.elderly && !flags.elderly
          }
          disabled={!visitor}
          onChange={setFlags}
        />
      </div>
      <div className="lobby__column">
        <IntentPicker intents={info.data.intents} selected={intents} disabled={!visitor} onToggle={toggle} />
        {error && (
          <Alert type="error" showIcon title={messageOf(error, i18n.language)} data-testid="lobby-error" />
        )}
        {heldTicket && (
          <ExistingTicket
            ticket={heldTicket}
            info={info.data}
            mode={heldMode}
            nudged={nudged}
            onReprint={reprint}
            onChange={() => setHeldMode({ kind: 'change' })}
            onSecond={() => setHeldMode({ kind: 'second', reason: null })}
            onSecondReason={(reason) => {
              setHeldMode({ kind: 'second', reason });
              setNudged(false);
              workArea.current?.focus();
            }}
          />
        )}
        <DecisionPanel
          decision={ready ? decision.data : undefined}
          info={info.data}
          queues={live.snapshot?.queues}
          loading={decision.isFetching}
          identified={visitor !== null}
          ready={ready}
          nudged={nudged && !heldUndecided}
          issueLabel={
            heldTicket && heldMode.kind === 'change' ? t('lobbyMore.existing.changeIssue') : undefined
          }
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
