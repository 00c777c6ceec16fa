import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitView } from '@shared/api/visit';
import { useIntents } from '../../api/queue';
import { useBilingual } from '../../lib/bilingual';
import { formatDateTime } from '../../lib/branchTime';

/** The last visits: when, which ticket, what for. */
export function VisitRows({ rows }: { rows: VisitView[] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const info = useIntents();
  const intent = (k: string) => {
    const i = info.data?.intents.find((x) => x.key === k);
    return i ? bi(i) : k;
  };
  if (rows.length === 0) return <Typography.Text type="secondary">{t('profile.noVisits')}</Typography.Text>;
  return (
    <ul className="profile-rows" data-testid="customer-visits">
      {rows.map((v) => (
        <li key={v.ticketId}>
          <span className="profile-rows__when">{formatDateTime(v.arrivedAt)}</span>
          <strong>{v.displayNo}</strong>
          <span className="profile-rows__main">{v.services.map(intent).join(t('lobby.listSep'))}</span>
          <Tag>{t(`counter.status.${v.status}`)}</Tag>
        </li>
      ))}
    </ul>
  );
}
