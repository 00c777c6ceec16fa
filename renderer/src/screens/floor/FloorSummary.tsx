import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FloorTicket } from '@shared/api/floor';
import type { QueueSummary } from '@shared/api/queue';

interface Props {
  rows: readonly FloorTicket[];
  queues: readonly QueueSummary[] | undefined;
  queueName: (key: string) => string;
}

/** The floor at a glance: the longest wait now, and each queue's line with its estimate (live board). */
export function FloorSummary({ rows, queues, queueName }: Props) {
  const { t } = useTranslation();
  const longest = rows.find((r) => r.status === 'waiting');
  return (
    <div className="floor__summary" data-testid="floor-summary">
      {longest && (
        <div className="floor__longest" data-testid="floor-longest">
          <Typography.Text type="secondary">{t('floor.longest')}</Typography.Text>
          <strong>
            {longest.displayNo} · {t('floor.minutes', { count: longest.waitedMinutes })}
          </strong>
        </div>
      )}
      <div className="floor__queues">
        {(queues ?? []).map((q) => (
          <Tag key={q.key} className="floor__queue" data-testid={`floor-queue-${q.key}`}>
            {t('floor.waitingIn', { queue: queueName(q.key), count: q.waiting })}
            {q.waiting > 0 && q.waitMinutes !== null && ` · ${t('floor.minutes', { count: q.waitMinutes })}`}
          </Tag>
        ))}
      </div>
    </div>
  );
}
