import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHotkeys } from '../../hooks/useHotkeys';
import { ProfilePanel } from './ProfilePanel';
import { useState } from 'react';

/** /customers/:id — a profile outside a visit (from the lookup, a follow-up or a linked entity). */
export default function CustomerScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState(false);
  useHotkeys({ Escape: () => void navigate(-1) }, !dialog);
  return (
    <div className="customer-screen" data-testid="customer-screen">
      <Button onClick={() => void navigate(-1)} style={{ marginBottom: 12 }}>
        ← {t('profile.back')}
      </Button>
      <ProfilePanel key={id} customerId={id} onDialogChange={setDialog} />
    </div>
  );
}
