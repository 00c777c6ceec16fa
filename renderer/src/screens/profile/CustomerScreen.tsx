import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useHotkeys } from '../../hooks/useHotkeys';
import { ProfilePanel } from '../../widgets/profile/ProfilePanel';

/** /customers/:id — a profile outside a visit (from the lookup, a follow-up or a linked entity). */
export default function CustomerScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [dialog, setDialog] = useState(false);
  // Opened directly (a bookmark, a reload): there is nothing to go back to, so go to the lookup.
  const back = () => void (location.key === 'default' ? navigate('/lookup') : navigate(-1));
  useHotkeys({ Escape: back }, !dialog);
  return (
    <div className="customer-screen" data-testid="customer-screen">
      <Button onClick={back} style={{ marginBottom: 12 }}>
        ← {t('profile.back')}
      </Button>
      <ProfilePanel key={id} customerId={id} onDialogChange={setDialog} />
    </div>
  );
}
