import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '@shared/api/visit';
import { DueTag } from '../../components/DueTag';
import { useNow } from '../../hooks/useNow';
import { useCategoryLabel } from './useCategoryLabel';

/** The customer's complaints (投诉), open ones with their deadline. */
export function ComplaintRows({ rows }: { rows: ComplaintView[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const category = useCategoryLabel();
  if (rows.length === 0)
    return <Typography.Text type="secondary">{t('profile.noComplaints')}</Typography.Text>;
  return (
    <ul className="profile-rows" data-testid="customer-complaints">
      {rows.map((c) => (
        <li key={c.id}>
          <span className="profile-rows__main">
            <strong>{category(c.category)}</strong>
            <div className="profile-rows__note">{c.description}</div>
          </span>
          <Tag color={c.status === 'resolved' ? 'green' : 'gold'}>{t(`complaints.status.${c.status}`)}</Tag>
          {now !== null && <DueTag at={c.deadlineAt} now={now} done={c.status === 'resolved'} />}
        </li>
      ))}
    </ul>
  );
}
