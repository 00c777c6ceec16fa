import { Spin } from 'antd';
import type { TicketView } from '@shared/api/queue';
import { ProfilePanel } from '../../widgets/profile/ProfilePanel';
import { IdentifyWalkIn } from './IdentifyWalkIn';

interface Props {
  /** The called ticket; undefined while it loads. */
  ticket: TicketView | undefined;
  /** The counter serving it (an anonymous walk-in is identified at this counter). */
  counterId: string | null;
  keysEnabled: boolean;
  onDialogChange: (open: boolean) => void;
}

/**
 * The called customer: profile, suggestions for this visit's services and outcome capture. A walk-in has none
 * until the teller identifies them (F8); then the same profile appears and the visit is theirs.
 */
export function CounterCustomerPanel({ ticket, counterId, keysEnabled, onDialogChange }: Props) {
  return (
    <div data-testid="counter-customer-panel" className="counter-customer">
      {!ticket ? (
        <Spin />
      ) : !ticket.customerId ? (
        <IdentifyWalkIn
          key={ticket.id}
          ticket={ticket}
          counterId={counterId}
          keysEnabled={keysEnabled}
          onOpenChange={onDialogChange}
        />
      ) : (
        <ProfilePanel
          key={ticket.id}
          customerId={ticket.customerId}
          ticketId={ticket.id}
          intents={ticket.services}
          keysEnabled={keysEnabled}
          onDialogChange={onDialogChange}
        />
      )}
    </div>
  );
}
