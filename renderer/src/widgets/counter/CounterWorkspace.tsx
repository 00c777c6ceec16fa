import { Alert, App, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, QueueSnapshot } from '@shared/api/queue';
import { messageOf } from '../../api/client';
import { useIntents, useTicket } from '../../api/queue';
import { useMe } from '../../auth';
import { useHotkeys } from '../../hooks/useHotkeys';
import { AppointmentLane } from '../appointments/AppointmentLane';
import { CounterCustomerPanel } from './CounterCustomerPanel';
import { CounterHeader } from './CounterHeader';
import { FinishModal } from './FinishModal';
import { HoldModal } from './HoldModal';
import { NoShowList } from './NoShowList';
import { OutcomeRequiredNote } from './OutcomeRequiredNote';
import { useOutcomeGuard } from './outcomeGuard';
import { QueueCounts } from './QueueCounts';
import { allowed, COUNTER_KEYS, TicketPanel, type CounterCommand } from './TicketPanel';
import { TransferModal } from './TransferModal';
import { TransferNote } from './TransferNote';
import { useCounterActions } from './useCounterActions';
import { useCounterTickets } from './useCounterTickets';
import { useKeyAhead } from './useKeyAhead';
import './counter.css';

const PICKED_KEY = 'counterId';
type Dialog = 'finish' | 'transfer' | 'hold' | null;

interface Props {
  /** Extra cards on top of the side column (the VIP room's day and follow-ups), given the live snapshot. */
  aside?: (snapshot: QueueSnapshot) => ReactNode;
  /** Only counters of this channel can be picked; the first is preselected (the VIP room view). */
  channel?: string;
}

/** 柜台叫号: my counter, the waiting lines, the ticket in front of me and the customer behind it. */
export default function CounterWorkspace({ aside, channel }: Props = {}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const info = useIntents();
  const [picked, setPicked] = useState<string | null>(() => localStorage.getItem(PICKED_KEY));
  const [panelDialog, setPanelDialog] = useState(false);
  const { snapshot, status, counterId, current, held } = useCounterTickets((snap) => {
    if (me.data?.counterId) return me.data.counterId;
    if (!channel) return picked;
    const options = (snap?.counters ?? []).filter((c) => c.channel === channel);
    return options.some((c) => c.id === picked) ? picked : (options[0]?.id ?? null);
  });
  const view = useTicket(current?.id);
  const actions = useCounterActions(counterId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const ticket = view.data?.id === current?.id ? view.data : undefined;
  const mustRecord = useOutcomeGuard(ticket?.customerId ?? null, current?.id ?? null);

  const counter = snapshot?.counters.find((c) => c.id === counterId);
  const paused = !counter?.open ? 'closed' : counter.staffState !== 'serving' ? 'away' : null;
  const ok = allowed(current, held, paused === null);
  const close = () => setDialog(null);

  const run = (c: CounterCommand) => {
    if (actions.busy || !ok.has(c)) return;
    if (c === 'call') actions.call.mutate();
    else if (c === 'finish' && mustRecord) void message.warning(t('counter.outcomeRequiredShort'));
    else if (c === 'finish' || c === 'transfer') setDialog(c);
    else if (c === 'hold') {
      const parked = held[0];
      if (current) setDialog('hold');
      else if (parked) actions.act(parked.id, 'resume');
    } else if (current) actions.act(current.id, c);
  };
  const keysLive = dialog === null && !panelDialog && !!counter;
  // A key pressed while the last command is on its way waits for it (F1 then F3 in one movement).
  const ahead = useKeyAhead(run, actions.busy, ok, keysLive);
  const keys = Object.fromEntries(
    (Object.entries(COUNTER_KEYS) as [CounterCommand, string][]).map(([c, key]) => [
      key,
      () => ahead.press(c),
    ]),
  );
  useHotkeys(keys, keysLive);

  if (info.error) return <Alert type="error" showIcon title={messageOf(info.error, i18n.language)} />;
  if (!info.data || !snapshot) return <Spin style={{ margin: 64 }} />;

  const pick = (id: string) => {
    localStorage.setItem(PICKED_KEY, id);
    setPicked(id);
  };

  return (
    <div className="counter" data-testid="counter">
      {status === 'reconnecting' && <Alert type="warning" showIcon banner title={t('counter.offline')} />}
      <CounterHeader
        counters={snapshot.counters.filter((c) => !channel || c.channel === channel)}
        counter={counter}
        canPick={!me.data?.counterId}
        onPick={pick}
        onPatch={(p) => actions.counter.mutate(p)}
      />
      {!counter ? (
        <Alert type="info" showIcon title={t('counter.pickFirst')} />
      ) : (
        <div className="counter__body">
          <div className="counter__main">
            <TicketPanel
              current={current}
              view={view.data}
              held={held}
              info={info.data}
              paused={paused}
              busy={actions.busy}
              waiting={ahead.waiting}
              onCommand={ahead.press}
              onResume={(h: PublicTicket) => actions.act(h.id, 'resume')}
            />
            {current && ticket?.transfer && <TransferNote transfer={ticket.transfer} info={info.data} />}
            {current && mustRecord && <OutcomeRequiredNote />}
            {current && (
              <CounterCustomerPanel
                ticket={ticket}
                counterId={counterId}
                keysEnabled={dialog === null}
                onDialogChange={setPanelDialog}
              />
            )}
          </div>
          <div className="counter__side">
            {aside?.(snapshot)}
            <AppointmentLane queues={snapshot.queues} mine={counter.queues} now={snapshot.at} />
            <QueueCounts queues={snapshot.queues} mine={counter.queues} />
            <NoShowList
              tickets={snapshot.noShows}
              queues={snapshot.queues}
              busy={actions.busy}
              onRequeue={(tk) => actions.act(tk.id, 'requeue')}
            />
          </div>
        </div>
      )}
      {dialog === 'finish' && current && (
        <FinishModal
          ticket={view.data}
          info={info.data}
          busy={actions.busy}
          onCancel={close}
          onConfirm={(servicesDone) => actions.act(current.id, 'finish', { servicesDone }, close)}
        />
      )}
      {dialog === 'transfer' && current && (
        <TransferModal
          ticket={current}
          services={ticket?.services ?? []}
          info={info.data}
          queues={snapshot.queues}
          busy={actions.busy}
          onCancel={close}
          onConfirm={(p) => actions.act(current.id, 'transfer', { ...p }, close)}
        />
      )}
      {dialog === 'hold' && current && (
        <HoldModal
          displayNo={current.displayNo}
          busy={actions.busy}
          onCancel={close}
          onConfirm={(reason) => actions.act(current.id, 'hold', reason ? { reason } : {}, close)}
        />
      )}
    </div>
  );
}
