import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicTicket, QueueSnapshot } from '@shared/api/queue';
import { formatTime } from '../../lib/branchTime';
import { useBilingual } from '../../lib/bilingual';

interface Props {
  tickets: PublicTicket[];
  queues: QueueSnapshot['queues'];
  busy: boolean;
  onRequeue: (t: PublicTicket) => void;
}

/** 过号: customers who did not come when called; a requeue puts them back in line at their arrival time. */
export function NoShowList({ tickets, queues, busy, onRequeue }: Props) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <Card size="small" title={t('counter.noShows', { count: tickets.length })} data-testid="no-shows">
      {tickets.length === 0 ? (
        <Typography.Text type="secondary">{t('counter.noNoShows')}</Typography.Text>
      ) : (
        <ul className="counter-list">
          {tickets.map((tk) => {
            const q = queues.find((x) => x.key === tk.queue);
            return (
              <li key={tk.id} data-testid={`no-show-${tk.displayNo}`}>
                <strong>{tk.displayNo}</strong>
                <Typography.Text type="secondary">
                  {q ? bi(q) : tk.queue}
                  {tk.calledAt ? ` · ${formatTime(tk.calledAt)}` : ''}
                </Typography.Text>
                <Button size="small" disabled={busy} onClick={() => onRequeue(tk)}>
                  {t('counter.requeue')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
