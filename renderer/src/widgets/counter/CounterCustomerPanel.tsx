import { Card, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '@shared/api/queue';
import { ProfilePanel } from '../../widgets/profile/ProfilePanel';

interface Props {
  /** The called ticket; undefined while it loads. */
  ticket: TicketView | undefined;
  keysEnabled: boolean;
  onDialogChange: (open: boolean) => void;
}

/** The called customer: profile, suggestions for this visit's services and outcome capture; walk-ins have none. */
export function CounterCustomerPanel({ ticket, keysEnabled, onDialogChange }: Props) {
  const { t } = useTranslation();
  return (
    <div data-testid="counter-customer-panel" className="counter-customer">
      {!ticket ? (
        <Spin />
      ) : !ticket.customerId ? (
        <Card size="small">
          <Typography.Text type="secondary">{t('counter.anonymous')}</Typography.Text>
        </Card>
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
