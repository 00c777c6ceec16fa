import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '@shared/api/visit';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../hooks/useNow';
import { useBilingual } from '../../lib/bilingual';

/** What a follow-up is about: the product the customer was interested in, else its kind. */
export function useFollowUpSubject(): (f: FollowUpView) => string {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (f) => (f.productName ? bi(f.productName) : t(`followUps.kind.${f.kind}`, { defaultValue: f.kind }));
}

interface Props {
  rows: FollowUpView[];
  busy: boolean;
  onDone: (f: FollowUpView) => void;
}

/** The customer's open follow-ups (定期回访), soonest first. */
export function FollowUpRows({ rows, busy, onDone }: Props) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const subject = useFollowUpSubject();
  if (rows.length === 0)
    return <Typography.Text type="secondary">{t('profile.noFollowUps')}</Typography.Text>;
  return (
    <ul className="profile-rows" data-testid="customer-follow-ups">
      {rows.map((f) => (
        <li key={f.id}>
          <span className="profile-rows__main">
            <strong>{subject(f)}</strong>
            <Typography.Text type="secondary"> · {f.assigneeName}</Typography.Text>
            {f.note && <div className="profile-rows__note">{f.note}</div>}
          </span>
          {now !== null && <DueTag at={f.dueAt} now={now} />}
          <Button size="small" disabled={busy} onClick={() => onDone(f)}>
            {t('followUps.done')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
