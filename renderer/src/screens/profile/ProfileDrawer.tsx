import { Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProfilePanel } from './ProfilePanel';

/** Another customer's profile over the current screen (the linked enterprise, a VIP walk-in still waiting). */
export function ProfileDrawer({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button onClick={() => void navigate(`/customers/${encodeURIComponent(customerId)}`)}>
          {t('profile.openFull')}
        </Button>
      }
    >
      <div data-testid="profile-drawer">
        <ProfilePanel customerId={customerId} withSuggestions={false} />
      </div>
    </Drawer>
  );
}
