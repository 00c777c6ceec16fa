import { Alert, Button, Drawer, Spin } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/client';
import { useCustomerProfile } from '../../api/customers';
import { SuggestionsPanel } from '../suggest/SuggestionsPanel';
import { ComplaintDialog } from './ComplaintDialog';
import { DialogScope, useDialogScope } from './dialogScope';
import { HoldingsList } from './HoldingsList';
import { ProfileActivity } from './ProfileActivity';
import { RelationshipCard } from '../outreach/RelationshipCard';
import { ConsentCard } from '../consent/ConsentCard';
import '../suggest/suggest.css';
import { ProfileHeader } from './ProfileHeader';
import './profile.css';

interface Props {
  customerId: string;
  /** The visit in progress, if any: outcomes and complaints are linked to it. */
  ticketId?: string | null;
  intents?: readonly string[];
  /** Suggestions and outcome keys; off in the linked-entity drawer. */
  withSuggestions?: boolean;
  keysEnabled?: boolean;
  /** Tells the screen a dialog or drawer has the keyboard, so its own keys (F1–F7) wait. */
  onDialogChange?: (open: boolean) => void;
}

/**
 * The customer in one glance (counter, VIP room, /customers/:id): the header with tier, AUM and the gap to the
 * next tier, suggestions beside holdings and activity, and the linked enterprise or person one click away.
 */
export function ProfilePanel({
  customerId,
  ticketId = null,
  intents = [],
  withSuggestions = true,
  keysEnabled = true,
  onDialogChange,
}: Props) {
  const { i18n } = useTranslation();
  const profile = useCustomerProfile(customerId);
  const [linkedId, setLinkedId] = useState<string | null>(null);
  const [complaint, setComplaint] = useState(false);
  const scope = useDialogScope();
  const anyOpen = linkedId !== null || complaint || scope.anyOpen;

  // Layout effects: the screen's keys follow the dialogs in the same commit (see useDialogOpen).
  useLayoutEffect(() => onDialogChange?.(anyOpen), [anyOpen, onDialogChange]);
  // Gone with a dialog open (the visit ended elsewhere): give the keyboard back to the screen.
  useLayoutEffect(() => () => onDialogChange?.(false), [onDialogChange]);

  if (profile.error) return <Alert type="warning" showIcon title={messageOf(profile.error, i18n.language)} />;
  const c = profile.data;
  if (!c) return <Spin />;
  return (
    <DialogScope.Provider value={scope.report}>
      <div className="profile" data-testid="profile-panel">
        <ProfileHeader c={c} onOpenLinked={setLinkedId} onComplaint={() => setComplaint(true)} />
        <div className={withSuggestions ? 'profile__cols' : 'profile__stack'}>
          {withSuggestions && (
            <SuggestionsPanel
              key={c.id}
              customerId={c.id}
              ticketId={ticketId}
              intents={intents}
              keysEnabled={keysEnabled && !anyOpen}
            />
          )}
          <div className="profile__side">
            <RelationshipCard customerId={c.id} />
            <ConsentCard customerId={c.id} />
            <ProfileActivity customerId={c.id} />
            <HoldingsList holdings={c.holdings} />
          </div>
        </div>
        {linkedId && <ProfileDrawer customerId={linkedId} onClose={() => setLinkedId(null)} />}
        {complaint && (
          <ComplaintDialog
            customerId={c.id}
            customerName={c.name}
            ticketId={ticketId}
            onClose={() => setComplaint(false)}
          />
        )}
      </div>
    </DialogScope.Provider>
  );
}

/**
 * Another customer's profile over the current screen (the linked enterprise, a VIP walk-in still waiting). In this
 * file with the panel: the panel opens it for a linked customer, and it shows a panel.
 */
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
