import { Alert, Card, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../api/client';
import { useCustomerProfile } from '../../api/queue';
import { CustomerCard } from '../../components/CustomerCard';

/**
 * The called customer's profile. This panel is the extension point for the counter's next step: product
 * suggestions and outcome capture are added inside `counter-customer-panel`, below the card.
 */
export function CounterCustomerPanel({ customerId }: { customerId: string | null }) {
  const { t, i18n } = useTranslation();
  const profile = useCustomerProfile(customerId);
  return (
    <div data-testid="counter-customer-panel" className="counter-customer">
      {!customerId ? (
        <Card size="small">
          <Typography.Text type="secondary">{t('counter.anonymous')}</Typography.Text>
        </Card>
      ) : profile.error ? (
        <Alert type="warning" showIcon title={messageOf(profile.error, i18n.language)} />
      ) : profile.data ? (
        <CustomerCard c={profile.data} />
      ) : (
        <Spin />
      )}
    </div>
  );
}
