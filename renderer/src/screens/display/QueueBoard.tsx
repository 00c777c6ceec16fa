import { useTranslation } from 'react-i18next';
import type { QueueSnapshot } from '@shared/api/queue';
import { useBilingual } from '../../lib/bilingual';

export function QueueBoard({ queues }: { queues: QueueSnapshot['queues'] }) {
  const { t } = useTranslation();
  const bi = useBilingual();
  return (
    <section className="lobby-display__queues" data-testid="queue-board">
      {queues.map((q) => (
        <div className="lobby-display__queue" key={q.key} data-testid={`queue-${q.key}`}>
          <div className="lobby-display__queue-name">{bi(q)}</div>
          <div className="lobby-display__queue-count">
            {q.waiting}
            <small>{t('display.peopleWaiting')}</small>
          </div>
          <div className="lobby-display__queue-wait" data-testid={`queue-wait-${q.key}`}>
            {/* Nobody calls from this queue now: say so rather than a number (or "no wait") that never comes true. */}
            {q.waitMinutes === null
              ? t('display.waitUnknown')
              : q.waiting === 0 || q.waitMinutes === 0
                ? t('display.noWait')
                : t('display.waitAbout', { count: q.waitMinutes })}
          </div>
        </div>
      ))}
    </section>
  );
}
