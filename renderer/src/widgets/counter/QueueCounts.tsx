import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueSnapshot } from '@shared/api/queue';
import { useBilingual } from '../../lib/bilingual';
import { OfflineQueueNote } from '../../components/OfflineBanner';

/** Waiting per queue, live; the queues this counter calls from come first and stand out. */
export function QueueCounts({ queues, mine }: { queues: QueueSnapshot['queues']; mine: string[] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  const ordered = [...queues].sort((a, b) => Number(mine.includes(b.key)) - Number(mine.includes(a.key)));
  return (
    <Card size="small" title={t('counter.waiting')} data-testid="queue-counts">
      <OfflineQueueNote />
      <div className="counter-queues">
        {ordered.map((q) => (
          <div
            key={q.key}
            className={mine.includes(q.key) ? 'counter-queue counter-queue--mine' : 'counter-queue'}
          >
            <div className="counter-queue__name">{bi(q)}</div>
            <div className="counter-queue__count" data-testid={`waiting-${q.key}`}>
              {q.waiting}
            </div>
            <Typography.Text type="secondary">
              {/* "约 0 分钟" says nothing: a due appointment lane (or a queue served at once) shows no wait. */}
              {q.waiting === 0 || q.waitMinutes === null || q.waitMinutes === 0
                ? '\u00a0'
                : t('counter.waitAbout', { count: q.waitMinutes })}
            </Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}
